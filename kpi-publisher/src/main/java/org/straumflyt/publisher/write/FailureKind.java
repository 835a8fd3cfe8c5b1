package org.straumflyt.publisher.write;

import java.util.Locale;

/** Why a write failed; the {@code kind} tag of the error counter. */
public enum FailureKind {
    /** No connection (refused, reset, DNS). */
    UNREACHABLE(true),
    /** No answer within the configured timeout (or HTTP 408). */
    TIMEOUT(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** HTTP 429: the server asks us to slow down. */
    THROTTLED(true),
    /** HTTP 401 or 403: a token problem, not a data problem. Retried so that fixing the token loses nothing. */
    UNAUTHORIZED(true),
    /**
     * HTTP 404 or 405: the bucket or organisation does not exist (yet), or the URL does not lead to a write endpoint
     * (a proxy in the way, a wrong influx.url). A store problem, not a data problem: retried for the same reason.
     */
    NOT_FOUND(true),
    /** Any other 4xx (400, 413, 422, ...): the server refuses the data itself. */
    REJECTED(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether writing the same points again later can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** The metric tag value, e.g. {@code server_error}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of an HTTP status of a failed write. */
    public static FailureKind ofStatus(int status) {
        if (status == 429) {
            return THROTTLED;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status == 401 || status == 403) {
            return UNAUTHORIZED;
        }
        if (status == 404 || status == 405) {
            return NOT_FOUND;
        }
        if (status >= 400 && status < 500) {
            return REJECTED;
        }
        return status >= 500 ? SERVER_ERROR : UNREACHABLE;
    }
}
