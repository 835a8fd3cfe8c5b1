package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Whether a portfolio record's kWh/m² (U4SSC EN:E:E:4A, a yearly indicator) may be read as a yearly figure.
 * docs/PORTFOLIO.md gives the rule.
 */
public enum AnnualBasis implements WireNamed {
    /** A whole year whose completeness meets the configured threshold: the yearly indicator. */
    YEARLY,
    /** A whole year whose completeness is below the threshold: the energy of the days measured, not a yearly figure. */
    PROVISIONAL,
    /** Part of a year (the year to date before 31 December): the energy of the period so far, never annualised. */
    PART_OF_YEAR;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static AnnualBasis fromWire(String text) {
        return WireNames.parse(AnnualBasis.class, text);
    }
}
