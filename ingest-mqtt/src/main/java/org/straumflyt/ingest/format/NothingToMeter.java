package org.straumflyt.ingest.format;

/**
 * A well-formed message of a format that carries no meter values by design, e.g. a Shelly {@code NotifyEvent} (a
 * button push) or a {@code NotifyStatus} of the Wi-Fi signal on the same {@code events/rpc} topic as the meter's
 * notifications. It is acknowledged and counted, not dead-lettered: it is not bad data, and a dead letter per Wi-Fi
 * notification would bury the real ones. Expected, so without a stack trace.
 */
public final class NothingToMeter extends Exception {
    private static final long serialVersionUID = 1L;

    public NothingToMeter(String detail) {
        super(detail, null, false, false);
    }
}
