/**
 * Encoders from a meter's readings to the MQTT payloads of each supported device format (canonical JSON, SenML,
 * Shelly, Tasmota, AMS/HAN), one class per format behind {@link org.straumflyt.simulator.format.PayloadEncoder}.
 */
package org.straumflyt.simulator.format;
