package org.straumflyt.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.model.ReadingRules;

/**
 * The configuration keys of {@link ReadingRules}, shared by ingest and the stream processor so that both apply the
 * same bounds. The future tolerance is ingest's alone (only ingest knows when a reading arrived).
 */
public final class ReadingRulesConfig {
    public static final String READING_MAX_REGISTER_KWH = "reading.max.register.kwh";
    public static final String READING_MAX_POWER_KW = "reading.max.power.kw";
    public static final String READING_EARLIEST = "reading.earliest";

    private ReadingRulesConfig() {
    }

    /** Adds the keys to a service's definition. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(READING_MAX_REGISTER_KWH, Type.DOUBLE, ReadingRules.DEFAULT_MAX_REGISTER_KWH,
                        positiveFinite(), Importance.LOW, "A register above this is no measurement: a dead letter "
                                + "(OUT_OF_RANGE), kWh.")
                .define(READING_MAX_POWER_KW, Type.DOUBLE, ReadingRules.DEFAULT_MAX_POWER_KW, positiveFinite(),
                        Importance.LOW, "A power sample beyond this (either sign), or interval energy implying more, "
                                + "is no measurement: a dead letter (OUT_OF_RANGE), kW.")
                .define(READING_EARLIEST, Type.STRING, ReadingRules.DEFAULT_EARLIEST.toString(), instant(),
                        Importance.LOW, "A reading stamped before this ISO-8601 UTC time is a dead letter "
                                + "(PAST_TIMESTAMP): a meter clock at 1970, or epoch seconds sent as milliseconds.");
    }

    /** The rules a configuration defined with {@link #define(ConfigDef)} gives, with the future tolerance. */
    public static ReadingRules rules(AbstractConfig config, Duration maxFuture) {
        return new ReadingRules(config.getDouble(READING_MAX_REGISTER_KWH), config.getDouble(READING_MAX_POWER_KW),
                Instant.parse(config.getString(READING_EARLIEST)), maxFuture);
    }

    private static ConfigDef.Validator positiveFinite() {
        return (name, value) -> {
            double v = (Double) value;
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new ConfigException(name, value, "must be a positive finite number");
            }
        };
    }

    private static ConfigDef.Validator instant() {
        return (name, value) -> {
            try {
                Instant.parse((String) value);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new ConfigException(name, value, "must be an ISO-8601 UTC time such as 2000-01-01T00:00:00Z");
            }
        };
    }
}
