package org.straumflyt.processor.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.straumflyt.model.AlertCause;
import org.straumflyt.model.AlertKind;
import org.straumflyt.processor.calendar.LocalDays;

/**
 * The daily findings of one building from its days (pure): energy above its signature, night base load above its
 * own signature, a new peak. Each looks at the run of good days that ends with the newest good day: a condition holds
 * while that run is long enough, and ends with the first good day that is within the margin. Days that are not good
 * (too little meter coverage, no temperature) neither extend nor end a run.
 */
public final class DailyDetectors {
    /** The night base load window is 00:00–05:00 local: 5 hours (LocalDays). */
    static final double BASE_LOAD_HOURS = 5;

    private final FollowUpRules rules;

    public DailyDetectors(FollowUpRules rules) {
        this.rules = rules;
    }

    /** The reference period's first and last day for a building whose newest day is {@code newest}. */
    public LocalDate[] referencePeriod(LocalDate newest) {
        if (rules.referenceYear() != null) {
            return new LocalDate[] {LocalDate.of(rules.referenceYear(), 1, 1),
                    LocalDate.of(rules.referenceYear(), 12, 31)};
        }
        LocalDate to = newest.minusDays(FollowUpRules.REFERENCE_GAP_DAYS);
        return new LocalDate[] {to.minusDays(FollowUpRules.REFERENCE_DAYS - 1), to};
    }

    /** The signature of the reference days' energy, or {@code null} with too few good days. */
    public EnergySignature energySignature(List<FollowUpDay> days) {
        return signature(days, d -> d.importKwh());
    }

    /**
     * The conditions that hold, given the building's days before today, oldest first.
     *
     * @param label how the summary names the building
     */
    public List<Condition> evaluate(String label, List<FollowUpDay> days) {
        List<Condition> found = new ArrayList<>();
        if (days.isEmpty()) {
            return found;
        }
        LocalDate newest = days.get(days.size() - 1).date();
        LocalDate[] period = referencePeriod(newest);
        List<FollowUpDay> reference = days.stream()
                .filter(d -> !d.date().isBefore(period[0]) && !d.date().isAfter(period[1]))
                .filter(this::good).toList();
        // rolling: only the days after the reference are judged; a baseline year judges every later day
        List<FollowUpDay> judged = days.stream().filter(d -> d.date().isAfter(period[1])).toList();
        if (reference.size() < rules.referenceMinDays() || judged.isEmpty()) {
            return found;
        }
        Condition baseLoad = null;
        if (rules.detects(AlertKind.BASE_LOAD_UP)) {
            baseLoad = baseLoad(label, reference, judged);
            if (baseLoad != null) {
                found.add(baseLoad);
            }
        }
        if (rules.detects(AlertKind.ENERGY_ABOVE_EXPECTED)) {
            Condition energy = energy(label, reference, judged, baseLoad != null);
            if (energy != null) {
                found.add(energy);
            }
        }
        if (rules.detects(AlertKind.NEW_PEAK)) {
            Condition peak = peak(label, reference, judged);
            if (peak != null) {
                found.add(peak);
            }
        }
        return found;
    }

    private boolean good(FollowUpDay d) {
        return d.meterCoverage() >= rules.minDayCoverage() && d.temperatureC() != null;
    }

    private EnergySignature signature(List<FollowUpDay> reference, ToDoubleFunction<FollowUpDay> value) {
        List<SignaturePoint> points = reference.stream().filter(this::good)
                .map(d -> new SignaturePoint(d.temperatureC(), value.applyAsDouble(d))).toList();
        return points.size() < rules.referenceMinDays() ? null : SignatureFit.fit(points);
    }

    /** The run of good days, newest first, that satisfy {@code deviates}, up to the first good day that does not. */
    private List<FollowUpDay> run(List<FollowUpDay> judged, Predicate<FollowUpDay> usable,
            Predicate<FollowUpDay> deviates) {
        List<FollowUpDay> run = new ArrayList<>();
        for (int i = judged.size() - 1; i >= 0; i--) {
            FollowUpDay d = judged.get(i);
            if (!usable.test(d)) {
                continue;
            }
            if (!deviates.test(d)) {
                break;
            }
            run.add(d);
        }
        return run;
    }

    private Condition energy(String label, List<FollowUpDay> reference, List<FollowUpDay> judged,
            boolean baseLoadUp) {
        EnergySignature s = energySignature(reference);
        if (s == null) {
            return null;
        }
        double factor = 1 + rules.energyMarginPercent() / 100;
        List<FollowUpDay> run = run(judged, this::good,
                d -> d.importKwh() > s.expectedKwh(d.temperatureC()) * factor);
        if (run.size() < rules.energyDays()) {
            return null;
        }
        double actual = run.stream().mapToDouble(FollowUpDay::importKwh).sum();
        double expected = run.stream().mapToDouble(d -> s.expectedKwh(d.temperatureC())).sum();
        double meanT = run.stream().mapToDouble(FollowUpDay::temperatureC).average().orElseThrow();
        AlertCause cause = baseLoadUp ? AlertCause.NIGHT_OPERATION
                : s.heats() && meanT < s.balanceC() ? AlertCause.HEATING : AlertCause.CONSUMPTION;
        FollowUpDay first = run.get(run.size() - 1);
        double excess = actual - expected;
        double percent = expected > 0 ? excess / expected * 100 : 0;
        return new Condition(AlertKind.ENERGY_ABOVE_EXPECTED, null, LocalDays.startOf(first.date(), first.timeZone()),
                run.size(), actual, expected, "kWh", excess, percent, cause, String.format(Locale.ROOT,
                        "%s used %.0f kWh (%.0f %%) more than its energy signature expects for the weather, over %d "
                                + "days since %s; likely cause: %s.", label, excess, percent, run.size(),
                        first.date(), cause.wireName().replace('_', ' ')));
    }

    private Condition baseLoad(String label, List<FollowUpDay> reference, List<FollowUpDay> judged) {
        List<FollowUpDay> withBase = reference.stream().filter(d -> d.baseLoadKw() != null).toList();
        EnergySignature s = signature(withBase, FollowUpDay::baseLoadKw);
        if (s == null) {
            return null;
        }
        double factor = 1 + rules.baseLoadMarginPercent() / 100;
        List<FollowUpDay> run = run(judged, d -> good(d) && d.baseLoadKw() != null,
                d -> d.baseLoadKw() > s.expectedKwh(d.temperatureC()) * factor);
        if (run.size() < rules.baseLoadDays()) {
            return null;
        }
        double measured = run.stream().mapToDouble(FollowUpDay::baseLoadKw).average().orElseThrow();
        double expected = run.stream().mapToDouble(d -> s.expectedKwh(d.temperatureC())).average().orElseThrow();
        double excessKwh = (measured - expected) * BASE_LOAD_HOURS * run.size();
        double percent = expected > 0 ? (measured - expected) / expected * 100 : 0;
        FollowUpDay first = run.get(run.size() - 1);
        return new Condition(AlertKind.BASE_LOAD_UP, null, LocalDays.startOf(first.date(), first.timeZone()),
                run.size(), measured, expected, "kW", excessKwh, percent, AlertCause.NIGHT_OPERATION,
                String.format(Locale.ROOT, "%s's night base load is %.1f kW, %.0f %% above the %.1f kW expected, for "
                                + "%d nights since %s (%.0f kWh between 00:00 and 05:00); likely cause: ventilation, "
                                + "lighting or equipment left on at night.", label, measured, percent, expected,
                        run.size(), first.date(), excessKwh));
    }

    private Condition peak(String label, List<FollowUpDay> reference, List<FollowUpDay> judged) {
        double usual = reference.stream().filter(d -> d.peakKwh() != null).mapToDouble(FollowUpDay::peakKwh).max()
                .orElse(Double.NaN);
        if (Double.isNaN(usual)) {
            return null;
        }
        double limit = usual * (1 + rules.peakMarginPercent() / 100);
        List<FollowUpDay> run = run(judged, d -> d.meterCoverage() >= rules.minDayCoverage() && d.peakKwh() != null,
                d -> d.peakKwh() > limit);
        if (run.isEmpty()) {
            return null;
        }
        FollowUpDay top = run.stream().max((a, b) -> Double.compare(a.peakKwh(), b.peakKwh())).orElseThrow();
        FollowUpDay first = run.get(run.size() - 1);
        double percent = usual > 0 ? (top.peakKwh() - usual) / usual * 100 : 0;
        return new Condition(AlertKind.NEW_PEAK, null, first.peakHour() == null
                        ? LocalDays.startOf(first.date(), first.timeZone()) : first.peakHour(), run.size(),
                top.peakKwh(), usual, "kW", null, percent, AlertCause.PEAK_DEMAND, String.format(Locale.ROOT,
                        "%s reached a new peak of %.1f kW in the hour from %s, %.0f %% above its highest daily peak of "
                                + "%.1f kW in the reference period.", label, top.peakKwh(), top.peakHour(), percent,
                        usual));
    }
}
