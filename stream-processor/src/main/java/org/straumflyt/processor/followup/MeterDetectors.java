package org.straumflyt.processor.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.straumflyt.model.AlertCause;
import org.straumflyt.model.AlertKind;

/**
 * The meter findings (pure): a meter silent for {@code meterHours}, or reporting but measuring less than
 * {@code meterMinCoverage} of its last {@code meterHours} whole hours while its data still reaches into the last
 * of them. Judged against the wall clock.
 */
public final class MeterDetectors {
    private final FollowUpRules rules;

    public MeterDetectors(FollowUpRules rules) {
        this.rules = rules;
    }

    /** The condition of one meter at {@code now}, or {@code null}. */
    public Condition evaluate(String label, String meterId, MeterTrack track, Instant now) {
        Duration window = rules.meterHours();
        Instant reach = track.dataUntil() != null ? track.dataUntil() : track.watchedSince();
        if (reach == null) {
            return null;
        }
        if (rules.detects(AlertKind.METER_SILENT) && !reach.plus(window).isAfter(now)) {
            return new Condition(AlertKind.METER_SILENT, meterId, reach, null, null, (double) window.toHours(), "h",
                    null, null, AlertCause.METERING, String.format(Locale.ROOT,
                            "Meter %s of %s has delivered no data since %s.", meterId, label, reach));
        }
        Instant to = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(window);
        // a meter falling silent first shows low coverage: only a meter whose data reaches into the last whole hour
        // counts as reporting with gaps; one that stopped earlier is silent, or soon will be
        if (!rules.detects(AlertKind.METER_COVERAGE_LOW) || track.watchedSince().isAfter(from)
                || track.dataUntil() == null || !track.dataUntil().isAfter(to.minus(Duration.ofHours(1)))) {
            return null;
        }
        double share = Math.round(track.share(from, window) * 100) / 100.0;
        if (share >= rules.meterMinCoverage()) {
            return null;
        }
        return new Condition(AlertKind.METER_COVERAGE_LOW, meterId, from, null, share, rules.meterMinCoverage(),
                "share", null, null, AlertCause.METERING, String.format(Locale.ROOT,
                        "Meter %s of %s measured %.0f %% of its last %d hours (at least %.0f %% expected).", meterId,
                        label, share * 100, window.toHours(), rules.meterMinCoverage() * 100));
    }
}
