package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A building of the registry. Topic {@code registry.buildings} (compacted), key = building id; a
 * tombstone removes the building.
 *
 * @param buildingId        stable id
 * @param name              display name
 * @param municipality      municipality number (Norwegian kommunenummer, e.g. {@code 3201} for Bærum)
 * @param category          what the building is used for
 * @param heatedAreaM2      heated floor area (BRA), m²; 0 when unknown (then no kWh/m² is computed)
 * @param timeZone          IANA zone its days and months follow; default {@code Europe/Oslo}
 * @param location          coordinates, optional
 * @param weatherLocationId the {@code weather.daily} location its degree days come from, optional
 * @param personalData      whether its data is personal (municipal housing, very small units): never published hourly as open data
 * @param meters            its meters
 * @param integratedBuildingManagement whether an integrated ICT system automates its building management (heating,
 *                          ventilation, lighting under one building management system); optional, absent means no.
 *                          Counts towards U4SSC EC:I:B:2A.
 * @param biddingZone       the day-ahead bidding zone its electricity is priced in; optional, needed for cost
 *                          (absent: the cost stage's default zone, if it has one)
 * @param tariffId          the id of its tariff in the cost stage's tariff file (grid company and contract);
 *                          optional, needed for cost (absent: the tariff file's default, if it has one)
 */
public record Building(
        String buildingId,
        String name,
        String municipality,
        BuildingCategory category,
        double heatedAreaM2,
        String timeZone,
        GeoLocation location,
        String weatherLocationId,
        boolean personalData,
        List<MeterSpec> meters,
        Boolean integratedBuildingManagement,
        BiddingZone biddingZone,
        String tariffId) {

    public static final int SCHEMA_VERSION = 1;
    public static final String DEFAULT_TIME_ZONE = "Europe/Oslo";

    public Building {
        Objects.requireNonNull(buildingId, "buildingId");
        name = name == null ? buildingId : name;
        category = category == null ? BuildingCategory.OTHER : category;
        if (!(heatedAreaM2 >= 0) || Double.isInfinite(heatedAreaM2)) {
            throw new IllegalArgumentException("heatedAreaM2 must be a finite number >= 0, was " + heatedAreaM2);
        }
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
        ZoneId.of(timeZone); // fails early, naming the bad zone
        meters = meters == null ? List.of() : List.copyOf(meters);
        // a Boolean so that records without it parse; never null once built
        integratedBuildingManagement = Boolean.TRUE.equals(integratedBuildingManagement);
        tariffId = tariffId == null || tariffId.isBlank() ? null : tariffId;
    }

    /** A building without a bidding zone or tariff of its own (registry entries written before cost existed). */
    public Building(String buildingId, String name, String municipality, BuildingCategory category,
            double heatedAreaM2, String timeZone, GeoLocation location, String weatherLocationId, boolean personalData,
            List<MeterSpec> meters, Boolean integratedBuildingManagement) {
        this(buildingId, name, municipality, category, heatedAreaM2, timeZone, location, weatherLocationId,
                personalData, meters, integratedBuildingManagement, null, null);
    }

    /** A building without integrated building management (registry entries written before the attribute existed). */
    public Building(String buildingId, String name, String municipality, BuildingCategory category,
            double heatedAreaM2, String timeZone, GeoLocation location, String weatherLocationId, boolean personalData,
            List<MeterSpec> meters) {
        this(buildingId, name, municipality, category, heatedAreaM2, timeZone, location, weatherLocationId,
                personalData, meters, false);
    }

    /** The same building, with or without integrated building management. */
    public Building withIntegratedBuildingManagement(boolean integrated) {
        return new Building(buildingId, name, municipality, category, heatedAreaM2, timeZone, location,
                weatherLocationId, personalData, meters, integrated, biddingZone, tariffId);
    }

    /** The same building, priced in the given bidding zone under the given tariff (either may be null). */
    public Building withCost(BiddingZone zone, String tariff) {
        return new Building(buildingId, name, municipality, category, heatedAreaM2, timeZone, location,
                weatherLocationId, personalData, meters, integratedBuildingManagement, zone, tariff);
    }

    /** The building's time zone. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The meter with the given id, if the building has it. */
    public Optional<MeterSpec> meter(String meterId) {
        return meters.stream().filter(m -> m.meterId().equals(meterId)).findFirst();
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
