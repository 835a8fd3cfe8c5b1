package org.straumflyt.ingest.format.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.ReadingFormat;
import org.straumflyt.ingest.format.Units;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

/**
 * straumflyt's own JSON: one reading object or an array of them (schema {@code schemas/canonical-payload.schema.json}).
 * A reading's own {@code meterId} wins over the topic's, so one gateway topic can carry many meters.
 */
public final class CanonicalFormat implements ReadingFormat {

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        return ObjectOrArray.decode(payload, node -> reading(node, context), CanonicalFormat::wrongShape);
    }

    private static InvalidPayload wrongShape(JsonNode payload) {
        return InvalidPayload.unparseable(payload.isArray() ? "empty array: no readings"
                : "expected a reading object or an array of them, got " + payload.getNodeType());
    }

    private static Reading reading(JsonNode node, MessageContext context) throws InvalidPayload {
        try {
            String meterId = PayloadJson.optionalText(node, "meterId");
            if (meterId == null) {
                meterId = context.topicMeterId().orElseThrow(() -> new InvalidPayload(
                        DeadLetterReason.MISSING_METER_ID, "no meterId in the reading nor in the topic"));
            }
            ReadingKind kind = kind(PayloadJson.optionalText(node, "kind"));
            String unit = PayloadJson.optionalText(node, "unit");
            double raw = PayloadJson.number(node, "value");
            double value = unit == null ? raw : converted(raw, unit, kind);
            Instant timestamp = time(node.get("timestamp"), "timestamp");
            JsonNode start = node.get("intervalStart");
            Instant intervalStart = start == null || start.isNull() ? null : time(start, "intervalStart");
            if (kind == ReadingKind.INTERVAL_ENERGY && intervalStart == null) {
                throw InvalidPayload.unparseable("'intervalStart' is missing; INTERVAL_ENERGY needs it");
            }
            String carrierText = PayloadJson.optionalText(node, "carrier");
            Carrier carrier = carrierText == null ? context.carrier() : carrier(carrierText);
            String buildingId = PayloadJson.optionalText(node, "buildingId");
            return new Reading(meterId, PayloadJson.optionalText(node, "register"), kind, value, timestamp,
                    intervalStart, carrier, buildingId != null ? buildingId : context.buildingId(), context.origin());
        } catch (IllegalArgumentException e) {
            throw InvalidPayload.unparseable(e.getMessage());
        }
    }

    private static double converted(double value, String unit, ReadingKind kind) throws InvalidPayload {
        if (kind == ReadingKind.POWER ? Units.isEnergy(unit) : Units.isPower(unit)) {
            throw new InvalidPayload(DeadLetterReason.UNKNOWN_UNIT, "unit '" + unit + "' does not fit kind " + kind);
        }
        return Units.toCanonical(value, unit, kind);
    }

    private static ReadingKind kind(String text) throws InvalidPayload {
        if (text == null) {
            throw InvalidPayload.unparseable("'kind' is missing; one of ENERGY_REGISTER, POWER, INTERVAL_ENERGY");
        }
        try {
            return ReadingKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidPayload.unparseable("unknown kind '" + text + "'; one of ENERGY_REGISTER, POWER, INTERVAL_ENERGY");
        }
    }

    private static Carrier carrier(String text) throws InvalidPayload {
        try {
            return Carrier.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw InvalidPayload.unparseable(e.getMessage());
        }
    }

    /** ISO-8601 with offset, or epoch milliseconds. */
    private static Instant time(JsonNode node, String field) throws InvalidPayload {
        if (node == null || node.isNull()) {
            throw InvalidPayload.unparseable("'" + field + "' is missing");
        }
        if (node.isNumber()) {
            double millis = node.doubleValue();
            if (!Double.isFinite(millis)) {
                throw InvalidPayload.unparseable("'" + field + "' is not a time: " + node);
            }
            return Instant.ofEpochMilli((long) millis);
        }
        if (node.isTextual()) {
            return PayloadJson.isoInstant(node.asText().trim(), field);
        }
        throw InvalidPayload.unparseable("'" + field + "' is neither ISO-8601 text nor epoch milliseconds: " + node);
    }
}
