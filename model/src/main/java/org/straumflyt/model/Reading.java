package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of one register of one meter, normalized by ingest. Topic {@code readings}, key = meter id.
 *
 * @param meterId       the meter's stable id
 * @param register      which register: {@code import}, {@code export}, or a name of the meter's own
 * @param kind          how {@code value} relates to energy
 * @param value         kWh for {@link ReadingKind#ENERGY_REGISTER} and {@link ReadingKind#INTERVAL_ENERGY}; kW for {@link ReadingKind#POWER}
 * @param timestamp     when the value was measured (UTC); for interval energy, the end of the interval
 * @param intervalStart for interval energy only: the start of the interval; {@code null} otherwise
 * @param carrier       the energy carrier
 * @param buildingId    the building the meter belongs to, if the source says so; the registry is authoritative
 * @param origin        where the reading came from; may be {@code null} for readings made by tools
 */
public record Reading(
        String meterId,
        String register,
        ReadingKind kind,
        double value,
        Instant timestamp,
        Instant intervalStart,
        Carrier carrier,
        String buildingId,
        Origin origin) {

    public static final int SCHEMA_VERSION = 1;

    public Reading {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        register = register == null || register.isBlank() ? Registers.IMPORT : register;
        carrier = carrier == null ? Carrier.ELECTRICITY : carrier;
        if (kind == ReadingKind.INTERVAL_ENERGY) {
            Objects.requireNonNull(intervalStart, "intervalStart is required for INTERVAL_ENERGY");
            if (!intervalStart.isBefore(timestamp)) {
                throw new IllegalArgumentException(
                        "intervalStart " + intervalStart + " must be before timestamp " + timestamp);
            }
        } else if (intervalStart != null) {
            throw new IllegalArgumentException("intervalStart is only allowed for INTERVAL_ENERGY, not " + kind);
        }
    }

    /** A cumulative register reading in kWh. */
    public static Reading register(String meterId, String register, double kwh, Instant at, Carrier carrier) {
        return new Reading(meterId, register, ReadingKind.ENERGY_REGISTER, kwh, at, null, carrier, null, null);
    }

    /** An instantaneous power sample in kW. */
    public static Reading power(String meterId, String register, double kw, Instant at, Carrier carrier) {
        return new Reading(meterId, register, ReadingKind.POWER, kw, at, null, carrier, null, null);
    }

    /** Energy in kWh over {@code [start, end)}. */
    public static Reading interval(String meterId, String register, double kwh, Instant start, Instant end,
            Carrier carrier) {
        return new Reading(meterId, register, ReadingKind.INTERVAL_ENERGY, kwh, end, start, carrier, null, null);
    }

    /** The same reading with the given building id. */
    public Reading withBuildingId(String id) {
        return new Reading(meterId, register, kind, value, timestamp, intervalStart, carrier, id, origin);
    }

    /** The same reading with the given origin. */
    public Reading withOrigin(Origin newOrigin) {
        return new Reading(meterId, register, kind, value, timestamp, intervalStart, carrier, buildingId, newOrigin);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
