package org.straumflyt.ingest.format.tasmota;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;

/**
 * Tasmota's {@code Time}: the device's local time without offset, read in the route's zone (an offset, which Tasmota
 * adds with {@code SetOption52 1}, is honoured). In the autumn hour that occurs twice the earlier offset is taken; a
 * time in the spring gap is moved forward by the gap. No {@code Time}: the arrival time.
 */
final class TasmotaTime {
    private TasmotaTime() {
    }

    static Instant of(String text, MessageContext context) throws InvalidPayload {
        if (text == null) {
            return context.receivedAt();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return ZonedDateTime.ofLocal(LocalDateTime.parse(text), context.zone(), null).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidPayload.unparseable("'Time' is not an ISO-8601 local time: '" + text + "'");
            }
        }
    }
}
