package org.straumflyt.ingest.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.straumflyt.ingest.format.ams.AmsFormat;
import org.straumflyt.ingest.format.canonical.CanonicalFormat;
import org.straumflyt.ingest.format.senml.SenmlFormat;
import org.straumflyt.ingest.format.shelly.ShellyFormat;
import org.straumflyt.ingest.format.tasmota.TasmotaFormat;

/** The payload formats a route can name, with their configuration names. */
public enum FormatName {
    CANONICAL(new CanonicalFormat()),
    AMS(new AmsFormat()),
    SHELLY(new ShellyFormat()),
    TASMOTA(new TasmotaFormat()),
    SENML(new SenmlFormat());

    private final PayloadFormat format;

    FormatName(PayloadFormat format) {
        this.format = format;
    }

    /** The decoder of this format; stateless and thread-safe. */
    public PayloadFormat format() {
        return format;
    }

    /** The name in configuration and in a reading's origin, e.g. {@code senml}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration name, case-insensitively.
     *
     * @throws IllegalArgumentException listing the known formats
     */
    public static FormatName parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payload format '" + text + "'; known: "
                        + Arrays.stream(values()).map(FormatName::wireName).collect(Collectors.joining(", "))));
    }
}
