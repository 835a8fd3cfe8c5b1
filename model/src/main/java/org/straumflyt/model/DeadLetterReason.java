package org.straumflyt.model;

/** Why a message or record was set aside on a dead-letter topic. A closed set: dashboards count by it. */
public enum DeadLetterReason {
    /** The payload is not valid JSON, or not the shape its format expects. */
    UNPARSEABLE,
    /** The payload is larger than the configured limit. */
    TOO_LARGE,
    /** A unit the format does not know (e.g. SenML {@code "u":"BTU"}). */
    UNKNOWN_UNIT,
    /** NaN or an infinite number. */
    NOT_FINITE,
    /** A cumulative register below zero. */
    NEGATIVE_REGISTER,
    /** A timestamp further in the future than the configured tolerance. */
    FUTURE_TIMESTAMP,
    /** No meter id in the payload nor in the topic. */
    MISSING_METER_ID,
    /** No route matches the MQTT topic. */
    NO_ROUTE,
    /** A reading older than the lateness horizon of the stream processor. */
    LATE,
    /** A register step implying more than the meter's plausible maximum power. */
    SPIKE,
    /** A record that could not be deserialized or processed downstream of ingest. */
    PROCESSING_ERROR,
    /** A KPI record that the time-series store refused as bad data. */
    REJECTED_BY_STORE,
    /**
     * A measurement outside what the quantity can physically be (e.g. an outdoor temperature of 85 °C, a register of
     * 1e32 kWh, a power of 1e300 kW).
     */
    OUT_OF_RANGE,
    /** No weather location id in the topic nor in the route. */
    MISSING_LOCATION_ID,
    /** A timestamp before the earliest plausible time (a clock at 1970, epoch seconds sent where ms are expected). */
    PAST_TIMESTAMP,
    /** A meter, building or location id, or a register name, that breaks the id rules ({@link IdRules}). */
    INVALID_ID,
    /** More readings (or channels) in one message than the configured limit. */
    TOO_MANY_READINGS,
    /**
     * A message whose format carries no time of its own, redelivered after a reconnect (MQTT DUP, or in the replay
     * window of a resumed session): stamping it with its arrival would book history as now.
     */
    UNTIMED_REPLAY,
    /** A local time without offset in the hour that occurs twice (autumn) that neither arrival nor sequence settles. */
    AMBIGUOUS_LOCAL_TIME
}
