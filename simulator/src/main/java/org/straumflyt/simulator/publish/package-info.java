/**
 * Sending: the merged schedule of every meter's messages with delivery faults applied
 * ({@link org.straumflyt.simulator.publish.Schedule}), the MQTT sender, the publisher of the registry and the daily
 * temperatures, and the counts of faults injected.
 */
package org.straumflyt.simulator.publish;
