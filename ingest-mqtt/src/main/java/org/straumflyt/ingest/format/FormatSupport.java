package org.straumflyt.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.WeatherSample;

/** Building blocks shared by the device formats. */
public final class FormatSupport {
    private FormatSupport() {
    }

    /** The topic's meter id, else the payload's fallback, else {@code MISSING_METER_ID}. */
    public static String meterId(MessageContext context, String payloadFallback, String expected)
            throws InvalidPayload {
        if (context.topicMeterId().isPresent()) {
            return context.topicMeterId().get();
        }
        if (payloadFallback != null) {
            return payloadFallback;
        }
        throw new InvalidPayload(DeadLetterReason.MISSING_METER_ID,
                "no meter id: the route's topic template has no {meterId} matching '" + context.topic() + "'"
                        + (expected.isEmpty() ? "" : " and the payload has no " + expected));
    }

    /** The payload's location id, else the topic's or the route's, else {@code MISSING_LOCATION_ID}. */
    public static String locationId(MessageContext context, String payloadLocation) throws InvalidPayload {
        if (payloadLocation != null) {
            return payloadLocation;
        }
        return context.locationId().orElseThrow(() -> new InvalidPayload(DeadLetterReason.MISSING_LOCATION_ID,
                "no location id: the route has no fixed one and its topic template has no {locationId} matching '"
                        + context.topic() + "'"));
    }

    /** A temperature sample with the message's origin. */
    public static WeatherSample sample(MessageContext context, String locationId, double temperatureC, Instant at) {
        return new WeatherSample(locationId, at, temperatureC, context.origin());
    }

    /** A reading with the route's carrier, building and the message's origin. */
    public static Reading reading(MessageContext context, String meterId, String register, ReadingKind kind,
            double value, Instant at) {
        return new Reading(meterId, register, kind, value, at, null, context.carrier(), context.buildingId(),
                context.origin());
    }

    /** Epoch seconds from a field, or {@code null} when absent or zero (a device that has no time yet). */
    public static Instant optionalEpochSeconds(JsonNode node, String field) throws InvalidPayload {
        Double seconds = PayloadJson.optionalNumber(node, field);
        if (seconds == null || seconds == 0) {
            return null;
        }
        return PayloadJson.epochSeconds(seconds, field);
    }
}
