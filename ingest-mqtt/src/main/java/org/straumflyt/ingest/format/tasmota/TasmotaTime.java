package org.straumflyt.ingest.format.tasmota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.model.DeadLetterReason;

/**
 * Tasmota's {@code Time}: the device's local time, by default without offset, read in the route's zone. An offset
 * (Tasmota sends one with {@code SetOption52 1}) is honoured as given. A time in the spring gap is moved forward by
 * the gap. No {@code Time}: the arrival time, unless the message is a redelivery after a reconnect.
 *
 * <p>The autumn hour that occurs twice (e.g. 02:00–03:00 in Europe/Oslo on the last Sunday of October) has two
 * instants an hour apart, and neither may swallow the other's energy. The one taken is the one within
 * {@link #CONTINUITY} of
 * <ol>
 *   <li>the latest time this topic's device has reported before (its sequence: the first pass follows 01:59, the
 *       second pass follows 02:59 of the first; this also settles a backlog replayed in order), else</li>
 *   <li>the arrival (a live message is seconds old).</li>
 * </ol>
 * When neither settles it (a restart of ingest in the middle of a backlog of that hour), the message is a dead letter
 * {@code AMBIGUOUS_LOCAL_TIME}: a register reading left out costs no energy, the next one spans it.
 */
final class TasmotaTime {
    /**
     * How close a candidate must be to the reference to be taken. Under half the hour between the two candidates, so
     * at most one can qualify; above the longest usual {@code TelePeriod} gap of a live device (5 min by default).
     */
    static final Duration CONTINUITY = Duration.ofMinutes(25);

    private TasmotaTime() {
    }

    static Instant of(String text, MessageContext context) throws InvalidPayload {
        if (text == null) {
            return context.arrivalAsTimestamp("a Tasmota message without 'Time'");
        }
        Instant at = parse(text, context);
        context.timeline().saw(context.topic(), at);
        return at;
    }

    private static Instant parse(String text, MessageContext context) throws InvalidPayload {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidPayload.unparseable("'Time' is not an ISO-8601 local time: '" + text + "'");
            }
            return local(local, context);
        }
    }

    private static Instant local(LocalDateTime local, MessageContext context) throws InvalidPayload {
        List<ZoneOffset> offsets = context.zone().getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            // In the spring gap: the clock has already moved on by the gap.
            ZoneOffsetTransition gap = context.zone().getRules().getTransition(local);
            return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
        }
        Instant earlier = local.toInstant(offsets.get(0));
        Instant later = local.toInstant(offsets.get(1));
        Optional<Instant> previous = context.timeline().latest(context.topic());
        if (previous.isPresent()) {
            Instant near = nearTo(previous.get(), earlier, later);
            if (near != null) {
                return near;
            }
        }
        Instant near = nearTo(context.receivedAt(), earlier, later);
        if (near != null) {
            return near;
        }
        throw new InvalidPayload(DeadLetterReason.AMBIGUOUS_LOCAL_TIME, "'Time' " + local + " occurs twice in "
                + context.zone() + " (" + earlier + " or " + later + ") and neither the device's previous time "
                + previous.map(Instant::toString).orElse("(none)") + " nor the arrival " + context.receivedAt()
                + " is within " + CONTINUITY.toMinutes() + " min of one; set SetOption52 1 on the device to send the"
                + " offset");
    }

    /** The candidate within {@link #CONTINUITY} of the reference, or {@code null}. */
    private static Instant nearTo(Instant reference, Instant earlier, Instant later) {
        if (Duration.between(earlier, reference).abs().compareTo(CONTINUITY) <= 0) {
            return earlier;
        }
        if (Duration.between(later, reference).abs().compareTo(CONTINUITY) <= 0) {
            return later;
        }
        return null;
    }
}
