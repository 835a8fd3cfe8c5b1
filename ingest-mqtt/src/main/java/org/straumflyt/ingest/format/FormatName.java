package org.straumflyt.ingest.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.straumflyt.ingest.format.ams.AmsFormat;
import org.straumflyt.ingest.format.canonical.CanonicalFormat;
import org.straumflyt.ingest.format.canonical.CanonicalTemperatureFormat;
import org.straumflyt.ingest.format.senml.SenmlFormat;
import org.straumflyt.ingest.format.shelly.ShellyFormat;
import org.straumflyt.ingest.format.tasmota.TasmotaFormat;
import org.straumflyt.ingest.format.tasmota.TasmotaTemperatureFormat;

/**
 * The payload formats a route can name, with their configuration names. A format either gives meter readings
 * ({@link ReadingFormat}, topic {@code readings}) or outdoor temperature samples ({@link TemperatureFormat}, topic
 * {@code weather.samples}).
 */
public enum FormatName {
    CANONICAL(new CanonicalFormat()),
    AMS(new AmsFormat()),
    SHELLY(new ShellyFormat()),
    TASMOTA(new TasmotaFormat()),
    SENML(new SenmlFormat()),
    /** straumflyt's own temperature JSON, {@code {"temperature": -3.5, "timestamp": "..."}}. */
    TEMPERATURE(new CanonicalTemperatureFormat()),
    /** Tasmota {@code tele/<topic>/SENSOR} of a temperature sensor (DS18B20, SI7021, BME280, ...). */
    TASMOTA_TEMPERATURE(new TasmotaTemperatureFormat());

    private final ReadingFormat meterFormat;
    private final TemperatureFormat temperatureFormat;

    FormatName(ReadingFormat format) {
        this.meterFormat = format;
        this.temperatureFormat = null;
    }

    FormatName(TemperatureFormat format) {
        this.meterFormat = null;
        this.temperatureFormat = format;
    }

    /** Whether messages of this format are temperature samples rather than meter readings. */
    public boolean measuresTemperature() {
        return temperatureFormat != null;
    }

    /**
     * The decoder of this meter format; stateless and thread-safe.
     *
     * @throws IllegalStateException for a temperature format
     */
    public ReadingFormat format() {
        if (meterFormat == null) {
            throw new IllegalStateException(wireName() + " is a temperature format");
        }
        return meterFormat;
    }

    /**
     * The decoder of this temperature format; stateless and thread-safe.
     *
     * @throws IllegalStateException for a meter format
     */
    public TemperatureFormat temperatureFormat() {
        if (temperatureFormat == null) {
            throw new IllegalStateException(wireName() + " is a meter format");
        }
        return temperatureFormat;
    }

    /** The name in configuration and in a record's origin, e.g. {@code senml}, {@code tasmota-temperature}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a configuration name, case-insensitively ({@code -} and {@code _} alike).
     *
     * @throws IllegalArgumentException listing the known formats
     */
    public static FormatName parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payload format '" + text + "'; known: "
                        + Arrays.stream(values()).map(FormatName::wireName).collect(Collectors.joining(", "))));
    }
}
