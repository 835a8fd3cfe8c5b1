package org.straumflyt.processor.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.straumflyt.model.Energy;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.processor.series.RegisterEvent;
import org.straumflyt.processor.series.Sample;

/**
 * Turns a sorted series of cumulative register readings into booked and unbooked steps. The result depends only on
 * the readings, never on the order they arrived in.
 * <ol>
 *   <li>A lone outlier — a reading outside the band of its two neighbours while they agree (the later one is not
 *       below the earlier) — is discarded: a drop is a {@code GLITCH}, a jump a {@code SPIKE}. The step across it
 *       is booked from neighbour to neighbour and carries the flag.</li>
 *   <li>A step up is booked, unless it implies more than the meter's plausible maximum power: then it is a
 *       {@code SPIKE}, quarantined (not booked).</li>
 *   <li>A step down from within the rollover band below the register maximum to within the band above 0 is a
 *       {@code ROLLOVER}: {@code max − before + after} is booked.</li>
 *   <li>Any other step down is a {@code RESET} (a replaced or reset meter) once a later reading confirms the new
 *       base; energy across it is unknown and not booked. While the drop is the newest reading it is undecided
 *       and not booked either.</li>
 * </ol>
 */
public final class RegisterClassifier {
    private final MeteringRules rules;

    public RegisterClassifier(MeteringRules rules) {
        this.rules = rules;
    }

    public RegisterAnalysis classify(List<Sample> readings, MeterLimits limits) {
        int n = readings.size();
        if (n == 0) {
            return RegisterAnalysis.EMPTY;
        }
        List<RegisterEvent> events = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        Sample kept = readings.get(0);
        Set<QualityFlag> carried = EnumSet.noneOf(QualityFlag.class);
        for (int i = 1; i < n; i++) {
            Sample current = readings.get(i);
            QualityFlag outlier = i < n - 1 ? outlier(readings.get(i - 1), current, readings.get(i + 1)) : null;
            if (outlier != null) {
                events.add(new RegisterEvent(current.at(), outlier));
                carried.add(outlier);
                if (current.conflict()) {
                    carried.add(QualityFlag.CONFLICT);
                }
                continue;
            }
            segments.add(step(kept, current, i == n - 1, limits, carried, events));
            kept = current;
            carried = EnumSet.noneOf(QualityFlag.class);
        }
        return new RegisterAnalysis(segments, events, readings.get(0).at(), readings.get(n - 1).at());
    }

    private static QualityFlag outlier(Sample before, Sample current, Sample after) {
        if (before.value() > after.value()) {
            return null;
        }
        if (current.value() < before.value()) {
            return QualityFlag.GLITCH;
        }
        return current.value() > after.value() ? QualityFlag.SPIKE : null;
    }

    private Segment step(Sample a, Sample b, boolean newest, MeterLimits limits, Set<QualityFlag> carried,
            List<RegisterEvent> events) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        flags.addAll(carried);
        if (a.conflict() || b.conflict()) {
            flags.add(QualityFlag.CONFLICT);
        }
        long duration = b.at() - a.at();
        if (duration > rules.interpolationMs()) {
            flags.add(QualityFlag.INTERPOLATED);
        }
        double delta = b.value() - a.value();
        if (delta < 0) {
            if (isRollover(a.value(), b.value(), limits)) {
                delta = limits.registerMaxKwh() - a.value() + b.value();
                flags.add(QualityFlag.ROLLOVER);
                events.add(new RegisterEvent(b.at(), QualityFlag.ROLLOVER));
            } else if (newest) {
                return new Segment(a.at(), b.at(), 0, false, flags);
            } else {
                flags.add(QualityFlag.RESET);
                events.add(new RegisterEvent(b.at(), QualityFlag.RESET));
                return new Segment(a.at(), b.at(), 0, false, flags);
            }
        }
        if (implausible(delta, duration, limits)) {
            flags.add(QualityFlag.SPIKE);
            events.add(new RegisterEvent(b.at(), QualityFlag.SPIKE));
            return new Segment(a.at(), b.at(), delta, false, flags);
        }
        return new Segment(a.at(), b.at(), delta, true, flags);
    }

    private boolean isRollover(double before, double after, MeterLimits limits) {
        Double max = limits.registerMaxKwh();
        if (max == null) {
            return false;
        }
        double band = max * rules.rolloverBand();
        return before >= max - band && after <= band;
    }

    /** kWh over ms implying more kW than the meter can draw. */
    private static boolean implausible(double kwh, long durationMs, MeterLimits limits) {
        Double maxKw = limits.maxPowerKw();
        return maxKw != null && Energy.meanKw(kwh, durationMs) > maxKw;
    }
}
