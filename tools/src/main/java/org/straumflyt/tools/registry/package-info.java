/**
 * The registry import command: building and meter registers from CSV or JSON files, checked ({@link
 * org.straumflyt.tools.registry.RegistryChecks}) and written to the compacted registry topics, with a report of what
 * was rejected and why.
 */
package org.straumflyt.tools.registry;
