package org.straumflyt.processor.followup;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.straumflyt.model.AlertKind;

/**
 * How the follow-up application judges buildings (docs/FOLLOW-UP.md, "Tuning").
 *
 * @param detectors            the kinds of finding it raises
 * @param referenceYear        the baseline year whose days the signatures are fitted on, or {@code null} for the
 *                             rolling reference: the 365 days that end {@value #REFERENCE_GAP_DAYS} days before the
 *                             newest day, so the days being judged are never part of their own reference
 * @param referenceMinDays     good days a reference needs before any daily finding is raised
 * @param minDayCoverage       a day is good (fit and judged) when its meter coverage is at least this, 0..1
 * @param energyMarginPercent  a day uses more than expected when its energy exceeds the expected by this, %
 * @param energyDays           good days in a row above the margin that open {@code energy_above_expected}
 * @param baseLoadMarginPercent a night base load is up when it exceeds its expected value by this, %
 * @param baseLoadDays         good days in a row with the base load up that open {@code base_load_up}
 * @param peakMarginPercent    a day's peak is new when it exceeds the reference period's highest daily peak by this, %
 * @param meterHours           a meter is silent after this long without data; its coverage is judged over as many
 *                             whole hours
 * @param meterMinCoverage     a reporting meter whose measured share of those hours is below this opens
 *                             {@code meter_coverage_low}, 0..1
 * @param checkInterval        how often (wall clock) the buildings whose data changed are judged again
 */
public record FollowUpRules(Set<AlertKind> detectors, Integer referenceYear, int referenceMinDays,
        double minDayCoverage, double energyMarginPercent, int energyDays, double baseLoadMarginPercent,
        int baseLoadDays, double peakMarginPercent, Duration meterHours, double meterMinCoverage,
        Duration checkInterval) {
    public static final int REFERENCE_GAP_DAYS = 28;
    public static final int REFERENCE_DAYS = 365;

    public FollowUpRules {
        detectors = detectors.isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(detectors);
        check(referenceMinDays >= 3, "referenceMinDays must be at least 3, was " + referenceMinDays);
        check(minDayCoverage >= 0 && minDayCoverage <= 1, "minDayCoverage must be within 0..1, was " + minDayCoverage);
        check(energyMarginPercent >= 0, "energyMarginPercent must be ≥ 0, was " + energyMarginPercent);
        check(energyDays >= 1, "energyDays must be ≥ 1, was " + energyDays);
        check(baseLoadMarginPercent >= 0, "baseLoadMarginPercent must be ≥ 0, was " + baseLoadMarginPercent);
        check(baseLoadDays >= 1, "baseLoadDays must be ≥ 1, was " + baseLoadDays);
        check(peakMarginPercent >= 0, "peakMarginPercent must be ≥ 0, was " + peakMarginPercent);
        check(meterHours.toHours() >= 1, "meterHours must be at least one hour, was " + meterHours);
        check(meterMinCoverage >= 0 && meterMinCoverage <= 1,
                "meterMinCoverage must be within 0..1, was " + meterMinCoverage);
        Objects.requireNonNull(checkInterval, "checkInterval");
        check(!checkInterval.isNegative() && !checkInterval.isZero(), "checkInterval must be positive");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Every detector, rolling reference, 30 days, 0.9, 15 % for 3 days, 30 % for 3 nights, 10 %, 6 h, 0.8, 60 s. */
    public static FollowUpRules defaults() {
        return new FollowUpRules(EnumSet.of(AlertKind.ENERGY_ABOVE_EXPECTED, AlertKind.BASE_LOAD_UP,
                AlertKind.NEW_PEAK, AlertKind.METER_SILENT, AlertKind.METER_COVERAGE_LOW), null, 30, 0.9, 15, 3, 30,
                3, 10, Duration.ofHours(6), 0.8, Duration.ofSeconds(60));
    }

    public boolean detects(AlertKind kind) {
        return detectors.contains(kind);
    }

    public FollowUpRules withReferenceYear(Integer year) {
        return new FollowUpRules(detectors, year, referenceMinDays, minDayCoverage, energyMarginPercent, energyDays,
                baseLoadMarginPercent, baseLoadDays, peakMarginPercent, meterHours, meterMinCoverage, checkInterval);
    }

    public FollowUpRules withDetectors(Set<AlertKind> kinds) {
        return new FollowUpRules(kinds, referenceYear, referenceMinDays, minDayCoverage, energyMarginPercent,
                energyDays, baseLoadMarginPercent, baseLoadDays, peakMarginPercent, meterHours, meterMinCoverage,
                checkInterval);
    }
}
