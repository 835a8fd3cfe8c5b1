package org.straumflyt.processor.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.QualityFlags;
import org.straumflyt.model.TwinDay;
import org.straumflyt.model.TwinHour;

/**
 * What the twin remembers of a building's KPIs (internal): the newest hour with its quality, the newest hour that had
 * ended, and the newest day.
 *
 * @param currentHour      the newest building-hour
 * @param coverage         its coverage, 0..1
 * @param metersReporting  its reporting meters
 * @param metersExpected   its expected meters
 * @param flags            its flags
 * @param lastCompleteHour the newest building-hour that had ended when it (or a later hour) arrived
 * @param today            the newest local day
 */
public record TwinState(TwinHour currentHour, double coverage, int metersReporting, int metersExpected,
        Set<QualityFlag> flags, TwinHour lastCompleteHour, TwinDay today) {
    public static final TwinState EMPTY = new TwinState(null, 0, 0, 0, Set.of(), null, null);
    private static final Duration HOUR = Duration.ofHours(1);

    public TwinState {
        flags = QualityFlags.copy(flags);
    }

    /**
     * With a building-hour (new, or a revision of a known one). The newest hour becomes the current one; an hour that
     * has ended by {@code now} — the arriving one, or the current one it replaces — becomes the last complete hour
     * unless a later one is known; a revision of the last complete hour updates it.
     */
    public TwinState withHour(BuildingHour hour, Instant now) {
        TwinHour arriving = new TwinHour(hour.hourStart(), hour.importKwh(), hour.peakKw());
        TwinHour last = lastCompleteHour;
        if (currentHour != null && currentHour.hourStart().isBefore(arriving.hourStart())
                && ended(currentHour, now)) {
            last = later(last, currentHour);
        }
        if (ended(arriving, now)) {
            last = later(last, arriving);
        }
        if (currentHour != null && arriving.hourStart().isBefore(currentHour.hourStart())) {
            return new TwinState(currentHour, coverage, metersReporting, metersExpected, flags, last, today);
        }
        return new TwinState(arriving, hour.coverage(), hour.metersReporting(), hour.metersExpected(), hour.flags(),
                last, today);
    }

    /** With a building-day: the newest date is kept, and revisions of it. */
    public TwinState withDay(BuildingDaily day) {
        if (today != null && day.date().isBefore(today.date())) {
            return this;
        }
        return new TwinState(currentHour, coverage, metersReporting, metersExpected, flags, lastCompleteHour,
                new TwinDay(day.date(), day.importKwh(), day.kwhPerM2(), day.breakdown()));
    }

    /** Mean power over the measured part of the current hour, kW: its kWh ÷ (coverage × 1 h); none without coverage. */
    public Double liveKw() {
        return currentHour == null || coverage <= 0 ? null : currentHour.importKwh() / coverage;
    }

    /** How far the newest data reaches: the current hour's start + coverage × 1 h. */
    public Instant lastSeen() {
        return currentHour == null ? null
                : currentHour.hourStart().plusMillis(Math.round(Math.min(1, coverage) * HOUR.toMillis()));
    }

    private static boolean ended(TwinHour hour, Instant now) {
        return !hour.hourStart().plus(HOUR).isAfter(now);
    }

    /** The later of two hours; the second (newer values) when they are the same hour. */
    private static TwinHour later(TwinHour known, TwinHour candidate) {
        return known == null || !candidate.hourStart().isBefore(known.hourStart()) ? candidate : known;
    }
}
