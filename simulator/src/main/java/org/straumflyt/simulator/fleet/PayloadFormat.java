package org.straumflyt.simulator.fleet;

import java.util.Locale;

/** The MQTT payload formats a simulated meter can speak (the same set ingest-mqtt reads). */
public enum PayloadFormat {
    CANONICAL,
    AMS,
    SHELLY,
    TASMOTA,
    SENML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PayloadFormat parse(String text) {
        for (PayloadFormat f : values()) {
            if (f.wireName().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; allowed: canonical, ams, shelly, tasmota, senml");
    }
}
