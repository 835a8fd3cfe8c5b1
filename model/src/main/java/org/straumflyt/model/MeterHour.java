package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Energy of one meter-register in one UTC hour {@code [hourStart, hourStart + 1 h)}. Topic
 * {@code kpi.meter-hourly} (compacted, upserts), key = {@link MeterHourKey}.
 *
 * @param meterId    meter id
 * @param register   register name
 * @param carrier    energy carrier
 * @param buildingId the building it belongs to per the registry, or {@code null} if unassigned
 * @param hourStart  UTC start of the hour
 * @param energyKwh  energy in the hour, kWh
 * @param peakKw     highest power sample in the hour, kW, when the meter sends power
 * @param coverage   fraction of the hour covered by measurements, 0..1
 * @param source     which readings the energy comes from
 * @param flags      quality flags, sorted
 * @param revision   1 for the first record of this key; each correction increases it
 */
public record MeterHour(
        String meterId,
        String register,
        Carrier carrier,
        String buildingId,
        Instant hourStart,
        double energyKwh,
        Double peakKw,
        double coverage,
        EnergySource source,
        Set<QualityFlag> flags,
        long revision) implements Kpi {

    public static final int SCHEMA_VERSION = 1;

    public MeterHour {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(hourStart, "hourStart");
        carrier = carrier == null ? Carrier.ELECTRICITY : carrier;
        source = source == null ? EnergySource.NONE : source;
        flags = QualityFlags.copy(flags);
    }

    public MeterHourKey key() {
        return new MeterHourKey(meterId, register, hourStart);
    }

    /** Whether this is a provisional estimate. */
    public boolean estimated() {
        return flags.contains(QualityFlag.ESTIMATED);
    }

    /** The same hour with another revision number. */
    public MeterHour withRevision(long newRevision) {
        return new MeterHour(meterId, register, carrier, buildingId, hourStart, energyKwh, peakKw, coverage, source,
                flags, newRevision);
    }

    /** The same hour attributed to another building. */
    public MeterHour withBuildingId(String newBuildingId) {
        return new MeterHour(meterId, register, carrier, newBuildingId, hourStart, energyKwh, peakKw, coverage,
                source, flags, revision);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
