/**
 * The tools' command line ({@link org.straumflyt.tools.ToolsMain}) and what its commands share: Kafka options and
 * settings, input files, progress reporting, CSV fields and the sink that writes imported records. Each command lives
 * in its own package.
 */
package org.straumflyt.tools;
