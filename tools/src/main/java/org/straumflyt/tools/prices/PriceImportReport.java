package org.straumflyt.tools.prices;

import java.time.Instant;

/**
 * The outcome of one price import.
 *
 * @param lines        lines read
 * @param prices       valid prices found
 * @param acknowledged prices the destination confirmed
 * @param rejected     values rejected
 * @param duplicates   prices that repeat an earlier one's zone, start and price (sent once)
 * @param skipped      prices left out on purpose (a series in the other resolution than the delivery day's)
 * @param zones        distinct bidding zones among the valid prices
 * @param first        earliest start, or {@code null}
 * @param last         latest end, or {@code null}
 */
public record PriceImportReport(long lines, long prices, long acknowledged, long rejected, long duplicates,
        long skipped, int zones, Instant first, Instant last) {

    /** Whether every price was imported. */
    public boolean complete() {
        return rejected == 0 && acknowledged == prices;
    }

    /** One line for the operator. */
    public String summary(boolean dryRun) {
        String range = first == null ? "no prices" : first + ".." + last;
        return String.format("%s %d lines: %d prices for %d zones (%s), %s %d, %d rejected, %d duplicates, "
                        + "%d skipped", dryRun ? "checked" : "imported", lines, prices, zones, range,
                dryRun ? "valid" : "confirmed by Kafka", acknowledged, rejected, duplicates, skipped);
    }
}
