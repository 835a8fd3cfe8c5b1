/**
 * Tasmota telemetry: energy monitors, temperature sensors, and Tasmota's local {@code Time}.
 */
package org.straumflyt.ingest.format.tasmota;
