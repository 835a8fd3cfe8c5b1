package org.straumflyt.simulator.publish;

import java.time.Instant;
import org.straumflyt.simulator.format.Message;

/**
 * A message with the simulated time at which it is to be sent.
 *
 * @param sendAt   simulated send time (later than the reading's time when it is delivered late)
 * @param sequence tie-breaker that keeps equal send times in generation order
 * @param message  the message
 */
public record Outgoing(Instant sendAt, long sequence, Message message) implements Comparable<Outgoing> {
    @Override
    public int compareTo(Outgoing other) {
        int byTime = sendAt.compareTo(other.sendAt);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
