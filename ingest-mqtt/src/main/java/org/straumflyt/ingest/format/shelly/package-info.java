/**
 * Shelly Gen2+ devices: component status and RPC notifications.
 */
package org.straumflyt.ingest.format.shelly;
