package org.straumflyt.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a reading can be, whatever the meter: the one place where ingest (before a reading reaches Kafka) and the
 * stream processor (for what reaches the readings topic by other ways) decide that a reading is no measurement at
 * all, and where ingest decides the same of an outdoor temperature sample. A reading that breaks a rule is a dead
 * letter with the rule's reason; per-meter plausibility (a meter's own maximum power) is the processor's, which
 * quarantines and flags instead.
 *
 * @param maxRegisterKwh the largest register value any meter shows, kWh
 * @param maxPowerKw     the largest power, either sign, any meter measures, kW; interval energy may not imply more
 * @param earliest       readings stamped before this are not measurements (a clock at 1970, seconds sent as ms)
 * @param maxFuture      how far after its arrival a reading may be stamped (meter clocks drift)
 */
public record ReadingRules(double maxRegisterKwh, double maxPowerKw, Instant earliest, Duration maxFuture) {
    /** 10 TWh: a register of 10 digits in kWh, or of 7 digits in MWh, still fits. */
    public static final double DEFAULT_MAX_REGISTER_KWH = 1e10;
    /** 1 GW, a large power station: no building meter measures more. */
    public static final double DEFAULT_MAX_POWER_KW = 1e6;
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration DEFAULT_MAX_FUTURE = Duration.ofMinutes(5);
    /**
     * The outdoor temperatures a sensor can plausibly report, °C. Beyond the records of the inhabited world
     * (−51 °C in Norway, −68 °C in Siberia is the exception; +57 °C worldwide): a reading outside is a broken probe
     * (a DS18B20 reports 85 °C on power-up and −127 °C when disconnected), not weather.
     */
    public static final double MIN_OUTDOOR_C = -60;
    public static final double MAX_OUTDOOR_C = 60;

    /** A broken rule: the dead-letter reason and a detail naming the value. */
    public record Violation(DeadLetterReason reason, String detail) {
    }

    public ReadingRules {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(maxFuture, "maxFuture");
        if (!(maxRegisterKwh > 0) || Double.isInfinite(maxRegisterKwh)) {
            throw new IllegalArgumentException("maxRegisterKwh must be positive and finite, was " + maxRegisterKwh);
        }
        if (!(maxPowerKw > 0) || Double.isInfinite(maxPowerKw)) {
            throw new IllegalArgumentException("maxPowerKw must be positive and finite, was " + maxPowerKw);
        }
        if (maxFuture.isNegative()) {
            throw new IllegalArgumentException("maxFuture must not be negative, was " + maxFuture);
        }
    }

    public static ReadingRules defaults() {
        return new ReadingRules(DEFAULT_MAX_REGISTER_KWH, DEFAULT_MAX_POWER_KW, DEFAULT_EARLIEST, DEFAULT_MAX_FUTURE);
    }

    /** The same rules with another future tolerance. */
    public ReadingRules withMaxFuture(Duration tolerance) {
        return new ReadingRules(maxRegisterKwh, maxPowerKw, earliest, tolerance);
    }

    /**
     * The first rule the reading breaks, or {@code null} when it keeps them all.
     *
     * @param receivedAt when it arrived, for the future bound; {@code null} skips that bound (a reading read back
     *                   from Kafka was bounded on arrival)
     */
    public Violation check(Reading reading, Instant receivedAt) {
        String what = reading.meterId() + "/" + reading.register() + " " + reading.kind();
        Violation id = ids(reading);
        if (id != null) {
            return id;
        }
        double v = reading.value();
        if (!Double.isFinite(v)) {
            return new Violation(DeadLetterReason.NOT_FINITE, what + " value is " + v);
        }
        Violation value = switch (reading.kind()) {
            case ENERGY_REGISTER -> register(what, v);
            case POWER -> Math.abs(v) > maxPowerKw ? new Violation(DeadLetterReason.OUT_OF_RANGE,
                    what + " of " + v + " kW is beyond the plausible " + maxPowerKw + " kW") : null;
            case INTERVAL_ENERGY -> interval(what, v, reading.intervalStart(), reading.timestamp());
        };
        if (value != null) {
            return value;
        }
        Violation past = past(what, reading.intervalStart() == null ? reading.timestamp() : reading.intervalStart());
        return past != null ? past : future(what, reading.timestamp(), receivedAt);
    }

    /**
     * The first rule the temperature sample breaks (its location id, a finite and plausible outdoor temperature, the
     * time bounds), or {@code null} when it keeps them all.
     *
     * @param receivedAt when it arrived, for the future bound; {@code null} skips that bound
     */
    public Violation check(WeatherSample sample, Instant receivedAt) {
        Violation id = id("location id", sample.locationId());
        if (id != null) {
            return id;
        }
        String what = "temperature of " + sample.locationId();
        double c = sample.temperatureC();
        if (!Double.isFinite(c)) {
            return new Violation(DeadLetterReason.NOT_FINITE, what + " is " + c);
        }
        if (c < MIN_OUTDOOR_C || c > MAX_OUTDOOR_C) {
            return new Violation(DeadLetterReason.OUT_OF_RANGE, what + " is " + c + " °C, outside the plausible "
                    + MIN_OUTDOOR_C + ".." + MAX_OUTDOOR_C + " °C");
        }
        Violation past = past(what, sample.timestamp());
        return past != null ? past : future(what, sample.timestamp(), receivedAt);
    }

    /** The future bound of any timestamped value, e.g. a temperature sample; {@code null} when it keeps it. */
    public Violation future(String what, Instant timestamp, Instant receivedAt) {
        if (receivedAt != null && timestamp.isAfter(receivedAt.plus(maxFuture))) {
            return new Violation(DeadLetterReason.FUTURE_TIMESTAMP, what + " timestamp " + timestamp
                    + " is more than " + maxFuture.toSeconds() + " s after its arrival at " + receivedAt);
        }
        return null;
    }

    /** The lower time bound of any timestamped value; {@code null} when it keeps it. */
    public Violation past(String what, Instant timestamp) {
        if (timestamp.isBefore(earliest)) {
            return new Violation(DeadLetterReason.PAST_TIMESTAMP, what + " timestamp " + timestamp
                    + " is before the earliest plausible time " + earliest);
        }
        return null;
    }

    /** The id rules ({@link IdRules}) for an id of the given kind; {@code null} when it keeps them. */
    public static Violation id(String kind, String id) {
        String problem = IdRules.problem(id);
        return problem == null ? null
                : new Violation(DeadLetterReason.INVALID_ID, kind + " '" + printable(id) + "' " + problem);
    }

    private static Violation ids(Reading reading) {
        Violation v = id("meter id", reading.meterId());
        if (v == null) {
            v = id("register", reading.register());
        }
        if (v == null && reading.buildingId() != null) {
            v = id("building id", reading.buildingId());
        }
        return v;
    }

    private Violation register(String what, double kwh) {
        if (kwh < 0) {
            return new Violation(DeadLetterReason.NEGATIVE_REGISTER, what + " register is negative: " + kwh + " kWh");
        }
        if (kwh > maxRegisterKwh) {
            return new Violation(DeadLetterReason.OUT_OF_RANGE, what + " register of " + kwh
                    + " kWh is beyond the plausible " + maxRegisterKwh + " kWh");
        }
        return null;
    }

    private Violation interval(String what, double kwh, Instant start, Instant end) {
        // in seconds: any two instants' distance fits, where milliseconds overflow (a start at year -292 million)
        Duration span = Duration.between(start, end);
        double hours = (span.getSeconds() + span.getNano() / 1e9) / 3600.0;
        if (Math.abs(kwh) > maxPowerKw * hours) {
            return new Violation(DeadLetterReason.OUT_OF_RANGE, what + " of " + kwh + " kWh over " + start + ".."
                    + end + " implies more than the plausible " + maxPowerKw + " kW");
        }
        return null;
    }

    /** The id with control characters shown as escapes, so a detail stays one readable line. */
    private static String printable(String id) {
        StringBuilder b = new StringBuilder();
        int end = Math.min(id.length(), IdRules.MAX_LENGTH + 8);
        for (int i = 0; i < end; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return end < id.length() ? b + "…" : b.toString();
    }
}
