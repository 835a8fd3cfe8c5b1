package org.straumflyt.simulator.format;

import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.Snapshot;

/** Writes what a meter shows as the message its kind of device would send. */
public interface PayloadEncoder {
    /** The message for one snapshot. */
    Message encode(Snapshot snapshot);

    /** The MQTT topic filter under which this format's messages arrive (for ingest routes). */
    String topicFilter();

    /** The encoder of a format. */
    static PayloadEncoder of(PayloadFormat format) {
        return switch (format) {
            case CANONICAL -> new CanonicalEncoder();
            case AMS -> new AmsEncoder();
            case SHELLY -> new ShellyEncoder();
            case TASMOTA -> new TasmotaEncoder();
            case SENML -> new SenmlEncoder();
        };
    }
}
