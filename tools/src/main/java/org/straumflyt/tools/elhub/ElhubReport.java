package org.straumflyt.tools.elhub;

import java.time.Instant;

/**
 * The outcome of one import.
 *
 * @param lines            lines read, header and blank lines included
 * @param values           valid values found (sent once each)
 * @param acknowledged     values the destination confirmed
 * @param rejected         lines rejected as invalid, conflicting or overlapping
 * @param duplicates       lines that repeat an earlier line's interval and value (sent once)
 * @param missing          intervals without a value (gaps, not sent)
 * @param estimated        values the status column calls estimated (sent, unless skipped)
 * @param skippedEstimated estimated values left out ({@code --skip-estimated})
 * @param quarterHours     values over 15 minutes
 * @param hours            values over one hour
 * @param kwh              the sum of the values sent, kWh
 * @param first            the start of the earliest value, or {@code null} when there were none
 * @param last             the end of the latest value, or {@code null}
 */
public record ElhubReport(long lines, long values, long acknowledged, long rejected, long duplicates, long missing,
        long estimated, long skippedEstimated, long quarterHours, long hours, double kwh, Instant first,
        Instant last) {

    /** Whether every data line was imported (missing values are gaps of the data, not faults of the import). */
    public boolean complete() {
        return rejected == 0 && acknowledged == values;
    }

    /** One line for the operator. */
    public String summary(boolean dryRun) {
        String range = first == null ? "no values" : first + ".." + last;
        return String.format(java.util.Locale.ROOT, "%s %d lines: %d values (%d PT15M, %d PT1H; %.3f kWh; %s), "
                + "%s %d, %d rejected, %d duplicates, %d missing, %d estimated%s", dryRun ? "checked" : "imported",
                lines, values, quarterHours, hours, kwh, range, dryRun ? "valid" : "confirmed by Kafka", acknowledged,
                rejected, duplicates, missing, estimated,
                skippedEstimated > 0 ? " (" + skippedEstimated + " skipped)" : "");
    }
}
