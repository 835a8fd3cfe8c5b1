/**
 * The MQTT v5 connection: the persistent session with manual acknowledgements and reconnects
 * ({@link org.straumflyt.ingest.mqtt.MqttSource}), its settings and TLS files, and the listener that receives what
 * it delivers.
 */
package org.straumflyt.ingest.mqtt;
