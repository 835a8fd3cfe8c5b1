package org.straumflyt.servers;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Bounded polling: every wait has a deadline and fails with a descriptive message. */
final class Waits {

    private Waits() {
    }

    /**
     * Polls {@code condition} until it returns {@code true}.
     *
     * @param description what is awaited, used in the failure message
     * @param timeout     the maximum time to wait
     * @param interval    the pause between two polls
     * @param condition   the condition; an exception thrown by it counts as "not yet" and is
     *                    attached to the timeout failure, except {@link AbortWait} which ends the wait
     * @param diagnostics extra text for the failure message, e.g. the tail of a server log
     * @throws IllegalStateException if the deadline passes
     */
    static void until(String description, Duration timeout, Duration interval,
                      Callable<Boolean> condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (AbortWait e) {
                throw new IllegalStateException(e.getMessage() + diagnostics.get(), e.getCause());
            } catch (Exception e) {
                last = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                String cause = last == null ? "" : " (last error: " + last + ")";
                throw new IllegalStateException(
                        "timed out after " + timeout + " waiting for " + description + cause + diagnostics.get(), last);
            }
            sleep(Duration.ofNanos(Math.min(remaining, interval.toNanos())));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** Thrown by a condition to stop waiting at once, e.g. when the awaited process died. */
    static final class AbortWait extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortWait(String message) {
            super(message);
        }
    }
}
