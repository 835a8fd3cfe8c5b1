package org.straumflyt.publisher.write;

import java.time.Duration;

/** What became of one write request. */
public sealed interface WriteResult {

    /** The server accepted every point. */
    record Accepted() implements WriteResult {
    }

    /**
     * The write failed.
     *
     * @param kind       why
     * @param status     the HTTP status, 0 when there was no answer
     * @param detail     the server's message or the exception, for logs and dead letters
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    record Failed(FailureKind kind, int status, String detail, Duration retryAfter) implements WriteResult {
    }
}
