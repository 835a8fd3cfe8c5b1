package org.straumflyt.ingest.format.senml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.ReadingFormat;
import org.straumflyt.ingest.format.Units;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Registers;

/**
 * SenML JSON (RFC 8428): an array of records; base fields ({@code bn}, {@code bt}, {@code bu}, {@code bv},
 * {@code bs}) apply to the records that follow them.
 * <ul>
 *   <li>value {@code v} in an energy unit (J, Wh, kWh, MWh) → cumulative register, kWh; in a power unit (W, kW,
 *       MW) → power, kW;</li>
 *   <li>sum {@code s} with a power unit is energy in that unit × seconds (W·s = J) → register; with an energy unit
 *       it is taken as the meter's total in that unit → register;</li>
 *   <li>register: {@code export} when the name contains "export", else {@code import};</li>
 *   <li>time: {@code bt + t} in epoch seconds; a resolved time below 2^28 is relative to now (the arrival time);
 *       no time means now;</li>
 *   <li>any other unit, or a record without {@code v}/{@code s} (string or boolean values), is
 *       {@code UNKNOWN_UNIT} / {@code UNPARSEABLE}: a pack is decoded whole or not at all.</li>
 * </ul>
 * Meter id: the topic's, else the base name without its trailing {@code :}, {@code /}, {@code .} or {@code _}.
 */
public final class SenmlFormat implements ReadingFormat {
    /** RFC 8428 §4.5.3: times below 2^28 s are relative to the current time. */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456;

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        JsonNode pack = payload.isObject() ? wrap(payload) : payload;
        if (!pack.isArray() || pack.isEmpty()) {
            throw InvalidPayload.unparseable("expected a non-empty SenML array, got " + payload.getNodeType());
        }
        Base base = new Base();
        List<Reading> readings = new ArrayList<>(pack.size());
        for (int i = 0; i < pack.size(); i++) {
            JsonNode record = pack.get(i);
            if (!record.isObject()) {
                throw InvalidPayload.unparseable("SenML record " + i + " is not an object");
            }
            base.update(record);
            readings.add(reading(record, base, context, i));
        }
        return readings;
    }

    private static JsonNode wrap(JsonNode single) {
        return JsonNodeFactory.instance.arrayNode().add(single);
    }

    private static Reading reading(JsonNode record, Base base, MessageContext context, int index)
            throws InvalidPayload {
        String name = base.name + nullToEmpty(PayloadJson.optionalText(record, "n"));
        String unit = PayloadJson.optionalText(record, "u");
        unit = unit != null ? unit : base.unit;
        if (unit == null) {
            throw new InvalidPayload(DeadLetterReason.UNKNOWN_UNIT, "record " + index + " ('" + name + "') has no unit");
        }
        if (!Units.isEnergy(unit) && !Units.isPower(unit)) {
            throw new InvalidPayload(DeadLetterReason.UNKNOWN_UNIT, "record " + index + " ('" + name + "') has unit '"
                    + unit + "'; known: J, Wh, kWh, MWh, W, kW, MW");
        }
        String meterId = FormatSupport.meterId(context, meterFromBaseName(base.name), "base name 'bn'");
        String register = name.toLowerCase(Locale.ROOT).contains("export") ? Registers.EXPORT : Registers.IMPORT;
        Instant at = time(base.time + nullToZero(PayloadJson.optionalNumber(record, "t")), context);
        Double v = PayloadJson.optionalNumber(record, "v");
        Double s = PayloadJson.optionalNumber(record, "s");
        if (v != null) {
            double value = v + base.value;
            return Units.isPower(unit)
                    ? FormatSupport.reading(context, meterId, register, ReadingKind.POWER, Units.toKw(value, unit), at)
                    : FormatSupport.reading(context, meterId, register, ReadingKind.ENERGY_REGISTER,
                            Units.toKwh(value, unit), at);
        }
        if (s != null) {
            double sum = s + base.sum;
            // A power unit's sum is power × seconds: W·s are joules, kW·s are kJ.
            double kwh = Units.isPower(unit) ? Units.toKwh(Units.toKw(sum, unit) * 1000.0, "J") : Units.toKwh(sum, unit);
            return FormatSupport.reading(context, meterId, register, ReadingKind.ENERGY_REGISTER, kwh, at);
        }
        throw InvalidPayload.unparseable("record " + index + " ('" + name + "') has no numeric value 'v' nor sum 's'");
    }

    private static Instant time(double seconds, MessageContext context) throws InvalidPayload {
        if (!Double.isFinite(seconds)) {
            throw InvalidPayload.unparseable("time is not finite: " + seconds);
        }
        if (seconds < RELATIVE_TIME_LIMIT) {
            return context.arrivalAsTimestamp("a SenML pack without an absolute time (bt)")
                    .plusNanos(Math.round(seconds * 1e9));
        }
        return PayloadJson.epochSeconds(seconds, "bt+t");
    }

    private static String meterFromBaseName(String baseName) {
        String id = baseName.replaceAll("[:/._]+$", "");
        return id.isEmpty() ? null : id;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static double nullToZero(Double value) {
        return value == null ? 0 : value;
    }

    /** The base fields in force; a later record's base field replaces the earlier one. */
    private static final class Base {
        String name = "";
        double time;
        String unit;
        double value;
        double sum;

        void update(JsonNode record) throws InvalidPayload {
            String bn = PayloadJson.optionalText(record, "bn");
            if (bn != null) {
                name = bn;
            }
            Double bt = PayloadJson.optionalNumber(record, "bt");
            if (bt != null) {
                time = bt;
            }
            String bu = PayloadJson.optionalText(record, "bu");
            if (bu != null) {
                unit = bu;
            }
            Double bv = PayloadJson.optionalNumber(record, "bv");
            if (bv != null) {
                value = bv;
            }
            Double bs = PayloadJson.optionalNumber(record, "bs");
            if (bs != null) {
                sum = bs;
            }
        }
    }
}
