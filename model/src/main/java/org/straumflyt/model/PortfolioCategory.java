package org.straumflyt.model;

/**
 * The figures of one building category within a portfolio record (KOSTRA-style kWh/m² per category).
 *
 * @param category          the category
 * @param buildings         registered buildings of the category
 * @param areaM2            their heated floor area (BRA), m²
 * @param importKwh         energy used by them in the period, all carriers, kWh
 * @param correctedKwh      the same, each building degree-day-corrected on its period's sums, kWh
 * @param kwhPerM2          energy of the buildings with a known area ÷ {@code areaM2}, kWh/m² for the period
 * @param correctedKwhPerM2 corrected energy of those buildings ÷ {@code areaM2}, kWh/m² for the period
 * @param coverage          complete building-days ÷ expected building-days (buildings × days of the period), 0..1
 */
public record PortfolioCategory(
        BuildingCategory category,
        int buildings,
        double areaM2,
        double importKwh,
        double correctedKwh,
        Double kwhPerM2,
        Double correctedKwhPerM2,
        double coverage) {
}
