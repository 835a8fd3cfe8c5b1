package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The period a portfolio record covers. Both end at the last complete local day (yesterday in the portfolio's time
 * zone); docs/PORTFOLIO.md defines them exactly.
 */
public enum PortfolioPeriod implements WireNamed {
    /** 1 January of the last complete day's year up to and including that day. */
    YEAR_TO_DATE,
    /** The 365 or 366 days that end with the last complete day: from the same date a year earlier, plus one day. */
    ROLLING_12_MONTHS;

    @Override
    public String toString() {
        return wireName();
    }

    @JsonCreator
    public static PortfolioPeriod fromWire(String text) {
        return WireNames.parse(PortfolioPeriod.class, text);
    }
}
