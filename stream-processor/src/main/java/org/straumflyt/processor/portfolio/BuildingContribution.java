package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.PortfolioPeriod;

/**
 * What one building adds to its municipality's portfolio for the periods ending with {@code to} (internal: sent from
 * the building stage to the municipality stage).
 *
 * @param buildingId           building id
 * @param municipality         municipality number, from the registry
 * @param category             building category, from the registry
 * @param areaM2               heated floor area, m², 0 when unknown
 * @param to                   the last complete day the sums end with
 * @param yearToDate           sums over the year to date
 * @param rolling12Months      sums over the rolling 12 months
 * @param electricityMeters    electricity meters the registry lists for the building
 * @param smartElectricityMeters of those, the ones the registry declares smart (AMS)
 * @param integratedBuildingManagement whether the registry declares integrated building management for the building
 * @param electricityDataUntil for each of those that ever delivered data, how far its data reaches
 * @param dataUntil            how far the data of any of the building's meters reaches, {@code null} if none has any
 */
public record BuildingContribution(
        String buildingId,
        String municipality,
        BuildingCategory category,
        double areaM2,
        LocalDate to,
        EnergySums yearToDate,
        EnergySums rolling12Months,
        int electricityMeters,
        int smartElectricityMeters,
        boolean integratedBuildingManagement,
        List<Instant> electricityDataUntil,
        Instant dataUntil) {
    public BuildingContribution {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(municipality, "municipality");
        category = category == null ? BuildingCategory.OTHER : category;
        electricityDataUntil = electricityDataUntil == null ? List.of() : List.copyOf(electricityDataUntil);
    }

    public EnergySums sums(PortfolioPeriod period) {
        return switch (period) {
            case YEAR_TO_DATE -> yearToDate;
            case ROLLING_12_MONTHS -> rolling12Months;
        };
    }
}
