package org.straumflyt.ingest.format;

import org.straumflyt.model.DeadLetterReason;

/** A payload that cannot give readings, with the dead-letter reason. Expected, so without a stack trace. */
public final class InvalidPayload extends Exception {
    private static final long serialVersionUID = 1L;
    private final DeadLetterReason reason;

    public InvalidPayload(DeadLetterReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }

    public static InvalidPayload unparseable(String detail) {
        return new InvalidPayload(DeadLetterReason.UNPARSEABLE, detail);
    }
}
