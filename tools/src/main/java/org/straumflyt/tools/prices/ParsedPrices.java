package org.straumflyt.tools.prices;

import java.util.ArrayList;
import java.util.List;

/**
 * What a price file holds: its prices, the lines rejected with their reasons, and what was skipped on purpose.
 *
 * @param lines    lines read
 * @param points   valid prices, in file order
 * @param rejected {@code line N: reason} for each rejected value
 * @param skipped  prices left out on purpose (e.g. hourly series on a 15-minute delivery day)
 */
record ParsedPrices(long lines, List<PricePoint> points, List<String> rejected, long skipped) {

    /** Collects the result of one file while it is parsed. */
    static final class Builder {
        long lines;
        final List<PricePoint> points = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        long skipped;

        void reject(long line, String reason) {
            rejected.add("line " + line + ": " + reason);
        }

        ParsedPrices build() {
            return new ParsedPrices(lines, List.copyOf(points), List.copyOf(rejected), skipped);
        }
    }
}
