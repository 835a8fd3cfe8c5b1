package org.straumflyt.processor.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.Resolution;

/**
 * The cost arithmetic, pure and without state (docs/COST.md). A bucket is {@code [start, start + size)} of a
 * {@link Resolution} (hours now, quarter-hours when the stage reads quarters); prices are in the market's own time
 * unit, which may be shorter (four quarter prices for an hourly bucket: the energy is taken as spread evenly over
 * the hour) or longer (an hourly price for a quarter bucket) than the bucket.
 */
public final class CostCalculator {
    private CostCalculator() {
    }

    /**
     * The energy-dependent parts of one bucket: spot, supplier mark-up, grid energy, taxes, and the export credit.
     * Rates apply by the bucket's local start time.
     *
     * @param prices the zone's prices overlapping the bucket (others are ignored)
     */
    public static CostParts bucket(TariffVersion tariff, ZoneId zone, Resolution bucket, Instant start,
            double importKwh, double exportKwh, Collection<DayAheadPrice> prices) {
        long from = start.toEpochMilli();
        long to = bucket.end(from);
        double meanPrice = 0;
        long covered = 0;
        for (DayAheadPrice price : prices) {
            long overlap = Math.min(to, price.end().toEpochMilli()) - Math.max(from, price.start().toEpochMilli());
            if (overlap > 0) {
                meanPrice += price.nokPerKwh() * overlap / bucket.sizeMs();
                covered += overlap;
            }
        }
        boolean complete = covered >= bucket.sizeMs();
        ZonedDateTime local = start.atZone(zone);
        double net = net(tariff);
        double grid = RateRule.first(tariff.gridEnergy(), local).rate() * net;
        double fees = 0;
        for (TariffVersion.Fee fee : tariff.fees()) {
            fees += RateRule.first(fee.rates(), local).rate() * net;
        }
        return new CostParts(importKwh, exportKwh, importKwh * meanPrice,
                importKwh * tariff.supplier().markupNokPerKwh() * net, importKwh * grid, 0, 0, importKwh * fees,
                exportKwh * meanPrice, complete);
    }

    /** One bucket's import, for the capacity component. */
    public record BucketEnergy(Instant start, double importKwh) {
    }

    /**
     * The capacity component of a month and the kW it was set by: with steps, the mean of the three highest daily
     * maxima on three different local days (fewer days: the mean of those there are); per kW, the month's highest
     * window × the rate of the month. A window's power is its energy divided by its length; buckets are summed into
     * windows of the tariff's length (a window shorter than a bucket is the bucket).
     *
     * @param month a local date in the month (its month selects per-kW rates)
     */
    public static Capacity capacity(TariffVersion tariff, ZoneId zone, Resolution bucket, LocalDate month,
            List<BucketEnergy> buckets) {
        TariffVersion.Capacity rule = tariff.capacity();
        Resolution window = Resolution.of(java.time.Duration.ofMinutes(
                Math.max(rule.windowMinutes(), bucket.sizeMs() / 60_000)));
        Map<Long, Double> windows = new TreeMap<>();
        for (BucketEnergy b : buckets) {
            windows.merge(window.floor(b.start().toEpochMilli()), b.importKwh(), Double::sum);
        }
        double hours = window.sizeMs() / 3_600_000.0;
        double net = net(tariff);
        if (rule.stepped()) {
            Map<LocalDate, Double> dailyMax = new TreeMap<>();
            windows.forEach((startMs, kwh) -> dailyMax.merge(Instant.ofEpochMilli(startMs).atZone(zone).toLocalDate(),
                    kwh / hours, Math::max));
            List<Double> top = new ArrayList<>(dailyMax.values());
            top.sort(Comparator.reverseOrder());
            List<Double> three = top.subList(0, Math.min(3, top.size()));
            double kw = three.isEmpty() ? 0 : three.stream().mapToDouble(Double::doubleValue).sum() / three.size();
            TariffVersion.Step chosen = rule.steps().get(0);
            for (TariffVersion.Step step : rule.steps()) {
                if (kw >= step.fromKw()) {
                    chosen = step;
                }
            }
            return new Capacity(chosen.nokPerMonth() * net, kw);
        }
        double kw = windows.values().stream().mapToDouble(kwh -> kwh / hours).max().orElse(0);
        double rate = RateRule.first(rule.perKw(), month.atStartOfDay(zone)).rate();
        return new Capacity(kw * rate * net, kw);
    }

    /** The fixed fees of a month: the supplier's and the grid's. */
    public static double fixed(TariffVersion tariff) {
        return (tariff.supplier().fixedNokPerMonth() + tariff.gridFixedNokPerMonth()) * net(tariff);
    }

    /** VAT on an amount excluding VAT. */
    public static double vat(TariffVersion tariff, double totalNok) {
        return totalNok * tariff.vatRate();
    }

    /** The capacity component and the kW it follows from. */
    public record Capacity(double nok, double kw) {
    }

    /** The factor that takes the tariff's rates to NOK excluding VAT. */
    private static double net(TariffVersion tariff) {
        return tariff.ratesIncludeVat() ? 1 / (1 + tariff.vatRate()) : 1;
    }
}
