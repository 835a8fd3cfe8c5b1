package org.straumflyt.processor.followup;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
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

    public static final String ENABLED = "followup.enabled";
    public static final String DETECTORS = "followup.detectors";
    public static final String REFERENCE_YEAR = "followup.reference.year";
    public static final String REFERENCE_MIN_DAYS = "followup.reference.min.days";
    public static final String MIN_DAY_COVERAGE = "followup.min.day.coverage";
    public static final String ENERGY_MARGIN_PERCENT = "followup.energy.margin.percent";
    public static final String ENERGY_DAYS = "followup.energy.days";
    public static final String BASELOAD_MARGIN_PERCENT = "followup.baseload.margin.percent";
    public static final String BASELOAD_DAYS = "followup.baseload.days";
    public static final String PEAK_MARGIN_PERCENT = "followup.peak.margin.percent";
    public static final String METER_HOURS = "followup.meter.hours";
    public static final String METER_MIN_COVERAGE = "followup.meter.min.coverage";
    public static final String CHECK_INTERVAL_SECONDS = "followup.check.interval.seconds";

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

    /** Adds the follow-up keys, with the defaults of {@link #defaults()}. */
    public static ConfigDef define(ConfigDef definition) {
        FollowUpRules d = defaults();
        String kinds = d.detectors().stream().map(AlertKind::wireName).collect(Collectors.joining(","));
        return definition
                .define(ENABLED, Type.BOOLEAN, true, Importance.MEDIUM, "Whether the follow-up application runs "
                        + "beside the KPI topology (application id <application.id>-followup): findings of energy "
                        + "follow-up on the alerts topic (docs/FOLLOW-UP.md).")
                .define(DETECTORS, Type.LIST, kinds, Importance.MEDIUM, "The kinds of finding raised, any of "
                        + kinds + "; a kind left out is never raised.")
                .define(REFERENCE_YEAR, Type.STRING, "", Importance.MEDIUM, "The baseline year whose days the "
                        + "energy signatures are fitted on, e.g. '2025'. Empty: the rolling reference, the 365 days "
                        + "that end " + REFERENCE_GAP_DAYS + " days before the newest day.")
                .define(REFERENCE_MIN_DAYS, Type.INT, d.referenceMinDays(), Range.atLeast(3), Importance.LOW,
                        "Good days a reference needs before any daily finding is raised.")
                .define(MIN_DAY_COVERAGE, Type.DOUBLE, d.minDayCoverage(), Range.between(0, 1), Importance.LOW,
                        "A day is fitted and judged only when its meterCoverage is at least this.")
                .define(ENERGY_MARGIN_PERCENT, Type.DOUBLE, d.energyMarginPercent(), Range.atLeast(0),
                        Importance.MEDIUM, "A day uses more than expected when its energy exceeds what the "
                                + "signature expects for its temperature by more than this, %.")
                .define(ENERGY_DAYS, Type.INT, d.energyDays(), Range.atLeast(1), Importance.MEDIUM,
                        "Good days in a row above the margin that open energy_above_expected.")
                .define(BASELOAD_MARGIN_PERCENT, Type.DOUBLE, d.baseLoadMarginPercent(), Range.atLeast(0),
                        Importance.MEDIUM, "A night's base load (00:00-05:00) is up when it exceeds what its own "
                                + "signature expects by more than this, %.")
                .define(BASELOAD_DAYS, Type.INT, d.baseLoadDays(), Range.atLeast(1), Importance.MEDIUM,
                        "Good days in a row with the base load up that open base_load_up.")
                .define(PEAK_MARGIN_PERCENT, Type.DOUBLE, d.peakMarginPercent(), Range.atLeast(0),
                        Importance.MEDIUM, "A day's highest hour is a new peak when it exceeds the reference "
                                + "period's highest daily peak by more than this, %.")
                .define(METER_HOURS, Type.INT, (int) d.meterHours().toHours(), Range.atLeast(1), Importance.MEDIUM,
                        "A meter without data for this many hours is silent; a reporting meter's coverage is "
                                + "judged over as many whole hours.")
                .define(METER_MIN_COVERAGE, Type.DOUBLE, d.meterMinCoverage(), Range.between(0, 1),
                        Importance.LOW, "A reporting meter that measured less than this share of those hours "
                                + "opens meter_coverage_low.")
                .define(CHECK_INTERVAL_SECONDS, Type.INT, (int) d.checkInterval().toSeconds(), Range.atLeast(1),
                        Importance.LOW, "How often the buildings are judged (wall clock): their meters always, "
                                + "their days when they changed or the local date moved on.");
    }

    /** The rules a configuration defined with {@link #define(ConfigDef)} gives. */
    public static FollowUpRules from(AbstractConfig config) {
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        for (String entry : config.getList(DETECTORS)) {
            try {
                kinds.add(AlertKind.fromWire(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(DETECTORS, entry, e.getMessage());
            }
        }
        String year = config.getString(REFERENCE_YEAR).trim();
        Integer referenceYear = null;
        if (!year.isEmpty()) {
            try {
                referenceYear = Integer.parseInt(year);
            } catch (NumberFormatException e) {
                throw new ConfigException(REFERENCE_YEAR, year, "a year such as 2025, or empty for the rolling "
                        + "reference");
            }
        }
        return new FollowUpRules(kinds, referenceYear, config.getInt(REFERENCE_MIN_DAYS),
                config.getDouble(MIN_DAY_COVERAGE), config.getDouble(ENERGY_MARGIN_PERCENT),
                config.getInt(ENERGY_DAYS), config.getDouble(BASELOAD_MARGIN_PERCENT), config.getInt(BASELOAD_DAYS),
                config.getDouble(PEAK_MARGIN_PERCENT), Duration.ofHours(config.getInt(METER_HOURS)),
                config.getDouble(METER_MIN_COVERAGE), Duration.ofSeconds(config.getInt(CHECK_INTERVAL_SECONDS)));
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
