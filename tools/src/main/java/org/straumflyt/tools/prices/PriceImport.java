package org.straumflyt.tools.prices;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.DayAheadPriceKey;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.Progress;

/**
 * Converts a parsed price file to NOK/kWh and sends its valid prices to an {@link ImportSink}. Every rejection is
 * reported on stderr with its line and the bad value (the first {@value #MAX_PRINTED_REJECTIONS}; then only
 * counted); the caller turns any rejection into a non-zero exit code. A price that repeats an earlier one's zone
 * and start with another value is rejected: on the compacted topic the later one would silently win. EUR/MWh is
 * converted as {@code price × NOK per EUR / 1000}, with the rate of the delivery day ({@link ExchangeRates}).
 */
public final class PriceImport {
    static final int MAX_PRINTED_REJECTIONS = 1000;
    /** NOK/kWh; a converted price outside is a unit or rate error, not a market price. */
    static final double MIN_PLAUSIBLE_NOK_PER_KWH = -10;
    static final double MAX_PLAUSIBLE_NOK_PER_KWH = 100;

    private final ImportSink<DayAheadPrice> sink;
    private final ExchangeRates rates;
    private final PrintStream err;
    private final Progress progress;
    private long printed;

    PriceImport(ImportSink<DayAheadPrice> sink, ExchangeRates rates, PrintStream err, Clock clock,
            Duration progressInterval) {
        this.sink = sink;
        this.rates = rates;
        this.err = err;
        this.progress = new Progress(clock, progressInterval, err, "price-import", "prices");
    }

    /**
     * Converts and sends the prices and waits until the sink confirmed them.
     *
     * @throws PriceFileException    when EUR prices need a rate and none was given (nothing was sent)
     * @throws IllegalStateException when the sink failed (what was confirmed stays imported)
     */
    PriceImportReport run(ParsedPrices parsed) throws InterruptedException {
        if (!rates.any() && parsed.points().stream().anyMatch(p -> !p.currency().equals("NOK"))) {
            throw new PriceFileException("has prices in EUR: give --exchange-rates FILE or --eur-nok RATE");
        }
        for (String rejection : parsed.rejected()) {
            report(rejection);
        }
        long rejected = parsed.rejected().size();
        Map<DayAheadPriceKey, PricePoint> seen = new HashMap<>();
        Set<BiddingZone> zones = EnumSet.noneOf(BiddingZone.class);
        long prices = 0;
        long duplicates = 0;
        Instant first = null;
        Instant last = null;
        long done = 0;
        for (PricePoint point : parsed.points()) {
            done++;
            String problem = null;
            DayAheadPrice price = null;
            LocalDate day = point.start().atZone(DayAheadPrice.MARKET_ZONE).toLocalDate();
            if (point.currency().equals("NOK") && point.unit().equals("kWh")) {
                price = new DayAheadPrice(point.zone(), point.start(), point.end(), point.price(), point.price(),
                        "NOK", "kWh", 1, null);
            } else if (point.currency().equals("EUR") && point.unit().equals("MWh")) {
                ExchangeRates.Rate rate = rates.rateFor(day);
                if (rate == null) {
                    problem = "no NOK/EUR rate for " + day + " or the " + ExchangeRates.MAX_DAYS_BACK
                            + " days before it";
                } else {
                    price = new DayAheadPrice(point.zone(), point.start(), point.end(),
                            point.price() * rate.nokPerEur() / 1000, point.price(), "EUR", "MWh", rate.nokPerEur(),
                            rate.date());
                }
            } else {
                problem = "currency " + point.currency() + " per " + point.unit() + " cannot be converted (EUR/MWh "
                        + "or NOK/kWh)";
            }
            if (price != null && !(price.nokPerKwh() >= MIN_PLAUSIBLE_NOK_PER_KWH
                    && price.nokPerKwh() <= MAX_PLAUSIBLE_NOK_PER_KWH)) {
                problem = "price " + point.price() + " " + point.currency() + "/" + point.unit() + " is "
                        + price.nokPerKwh() + " NOK/kWh, outside the plausible " + (int) MIN_PLAUSIBLE_NOK_PER_KWH
                        + ".." + (int) MAX_PLAUSIBLE_NOK_PER_KWH;
            }
            if (problem == null) {
                PricePoint earlier = seen.putIfAbsent(price.key(), point);
                if (earlier == null) {
                    sink.send(point.line(), price);
                    prices++;
                    zones.add(price.zone());
                    first = first == null || price.start().isBefore(first) ? price.start() : first;
                    last = last == null || price.end().isAfter(last) ? price.end() : last;
                } else if (earlier.price() == point.price() && earlier.end().equals(point.end())) {
                    duplicates++;
                } else {
                    problem = point.zone() + " at " + point.start() + " has " + point.price() + ", but line "
                            + earlier.line() + " has " + earlier.price();
                }
            }
            if (problem != null) {
                rejected++;
                report("line " + point.line() + ": " + problem);
            }
            progress.tick(done, sink.acknowledged(), rejected);
        }
        sink.flush();
        return new PriceImportReport(parsed.lines(), prices, sink.acknowledged(), rejected, duplicates,
                parsed.skipped(), zones.size(), first, last);
    }

    private void report(String rejection) {
        printed++;
        if (printed <= MAX_PRINTED_REJECTIONS) {
            err.println("rejected " + rejection);
        } else if (printed == MAX_PRINTED_REJECTIONS + 1) {
            err.println("more than " + MAX_PRINTED_REJECTIONS + " values rejected; further ones are only counted");
        }
    }
}
