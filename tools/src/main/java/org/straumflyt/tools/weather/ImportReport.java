package org.straumflyt.tools.weather;

import java.time.LocalDate;

/**
 * The outcome of one import.
 *
 * @param lines        lines read, header and blank lines included
 * @param days         valid days found
 * @param acknowledged days the destination confirmed
 * @param rejected     lines rejected as invalid
 * @param duplicates   lines that repeat an earlier line's location, date and temperature (sent once)
 * @param locations    distinct locations among the valid days
 * @param firstDate    earliest valid date, or {@code null} when there were none
 * @param lastDate     latest valid date, or {@code null}
 */
public record ImportReport(long lines, long days, long acknowledged, long rejected, long duplicates, int locations,
        LocalDate firstDate, LocalDate lastDate) {

    /** Whether every data line was imported. */
    public boolean complete() {
        return rejected == 0 && acknowledged == days;
    }

    /** One line for the operator. */
    public String summary(boolean dryRun) {
        String range = firstDate == null ? "no days" : firstDate + ".." + lastDate;
        return String.format("%s %d lines: %d days for %d locations (%s), %s %d, %d rejected, %d duplicates",
                dryRun ? "checked" : "imported", lines, days, locations, range,
                dryRun ? "valid" : "confirmed by Kafka", acknowledged, rejected, duplicates);
    }
}
