package org.straumflyt.ingest.format;

import java.util.Locale;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.ReadingKind;

/** Unit names and their factors to the canonical units: kWh for energy, kW for power, °C for temperature. */
public final class Units {
    private static final double JOULES_PER_KWH = 3_600_000.0;

    private Units() {
    }

    /** Whether a unit measures energy (J, Wh, kWh, MWh) rather than power. */
    public static boolean isEnergy(String unit) {
        return switch (normalize(unit)) {
            case "j", "wh", "kwh", "mwh" -> true;
            default -> false;
        };
    }

    /** Whether a unit measures power (W, kW, MW). */
    public static boolean isPower(String unit) {
        return switch (normalize(unit)) {
            case "w", "kw", "mw" -> true;
            default -> false;
        };
    }

    /**
     * The value in kWh.
     *
     * @throws InvalidPayload {@code UNKNOWN_UNIT} when the unit is not an energy unit
     */
    public static double toKwh(double value, String unit) throws InvalidPayload {
        return switch (normalize(unit)) {
            case "j" -> value / JOULES_PER_KWH;
            case "wh" -> value / 1000.0;
            case "kwh" -> value;
            case "mwh" -> value * 1000.0;
            default -> throw unknown(unit, "an energy unit: J, Wh, kWh or MWh");
        };
    }

    /**
     * The value in kW.
     *
     * @throws InvalidPayload {@code UNKNOWN_UNIT} when the unit is not a power unit
     */
    public static double toKw(double value, String unit) throws InvalidPayload {
        return switch (normalize(unit)) {
            case "w" -> value / 1000.0;
            case "kw" -> value;
            case "mw" -> value * 1000.0;
            default -> throw unknown(unit, "a power unit: W, kW or MW");
        };
    }

    /** The value in the canonical unit of the kind: kW for power, kWh otherwise. */
    public static double toCanonical(double value, String unit, ReadingKind kind) throws InvalidPayload {
        return kind == ReadingKind.POWER ? toKw(value, unit) : toKwh(value, unit);
    }

    /**
     * A temperature in °C, from °C ({@code C}, {@code °C}, {@code Cel} as in SenML, {@code degC}), °F ({@code F},
     * {@code °F}) or kelvin ({@code K}).
     *
     * @throws InvalidPayload {@code UNKNOWN_UNIT} when the unit is not a temperature unit
     */
    public static double toCelsius(double value, String unit) throws InvalidPayload {
        return switch (normalize(unit)) {
            case "c", "°c", "cel", "degc" -> value;
            case "f", "°f", "degf" -> (value - 32.0) * 5.0 / 9.0;
            case "k" -> value - 273.15;
            default -> throw unknown(unit, "a temperature unit: C, F or K");
        };
    }

    private static InvalidPayload unknown(String unit, String expected) {
        return new InvalidPayload(DeadLetterReason.UNKNOWN_UNIT, "unit '" + unit + "' is not " + expected);
    }

    // Case matters in SI ("MWh" vs "mWh"), but no meter sends milliwatt-hours and devices do write "KWH".
    private static String normalize(String unit) {
        return unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    }
}
