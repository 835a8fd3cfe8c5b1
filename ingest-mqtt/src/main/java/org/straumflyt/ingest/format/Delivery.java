package org.straumflyt.ingest.format;

/**
 * How a message reached ingest: as it was sent, or as part of what the broker kept while ingest was away. A message
 * that carries its own time is booked at that time either way; one without is booked at its arrival only when it is
 * {@link #LIVE}.
 */
public enum Delivery {
    /** Delivered for the first time, on a connection past its replay window. */
    LIVE,
    /**
     * Possibly history: the broker set MQTT's DUP flag (it sent the message before and had no acknowledgement), or it
     * arrived within the replay window after a connection that resumed a session (the broker sends what it queued
     * first).
     */
    REPLAYED
}
