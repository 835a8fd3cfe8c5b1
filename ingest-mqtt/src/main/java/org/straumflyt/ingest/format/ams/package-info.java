/**
 * The JSON of AMS HAN port readers (amsreader / AmsToMqttBridge firmware): Norwegian smart meters.
 */
package org.straumflyt.ingest.format.ams;
