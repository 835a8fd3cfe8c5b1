package org.straumflyt.processor.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.straumflyt.model.DayAheadPrice;

/**
 * The prices of one zone that start in one UTC hour: one hourly price, or up to four quarter-hour prices (internal
 * value of the cost stage). Immutable; sorted by start, one per start.
 */
public record HourPrices(List<DayAheadPrice> prices) {
    public HourPrices {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    public static HourPrices empty() {
        return new HourPrices(List.of());
    }

    /** With {@code price}, replacing one of the same start. */
    public HourPrices add(DayAheadPrice price) {
        List<DayAheadPrice> next = new ArrayList<>(without(price));
        next.add(price);
        next.sort(Comparator.comparing(DayAheadPrice::start));
        return new HourPrices(next);
    }

    /** Without the price of {@code price}'s start. */
    public HourPrices retract(DayAheadPrice price) {
        return new HourPrices(without(price));
    }

    private List<DayAheadPrice> without(DayAheadPrice price) {
        return prices.stream().filter(p -> !p.start().equals(price.start())).toList();
    }
}
