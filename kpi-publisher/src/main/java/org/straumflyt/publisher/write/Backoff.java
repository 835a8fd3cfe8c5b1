package org.straumflyt.publisher.write;

import java.time.Duration;

/**
 * Exponential backoff between retries: {@code initial · 2^(attempt-1)}, capped at {@code max}; a longer
 * {@code Retry-After} from the server wins.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below initial backoff " + initial);
        }
    }

    /** The pause before retry number {@code attempt} (1 = first retry). */
    public Duration delay(int attempt, Duration retryAfter) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration exponential = initial.multipliedBy(1L << doublings);
        Duration delay = exponential.compareTo(max) > 0 ? max : exponential;
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
