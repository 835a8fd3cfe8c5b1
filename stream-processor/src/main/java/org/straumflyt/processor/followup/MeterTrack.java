package org.straumflyt.processor.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What follow-up knows of one meter of a building (internal).
 *
 * @param watchedSince when follow-up first knew the meter (registry entry or first data)
 * @param dataUntil    how far its newest data reaches ({@code hourStart + coverage × 1 h}), or {@code null}
 * @param hours        measured share of its recent hours, by ISO hour start (the most of its registers)
 */
public record MeterTrack(Instant watchedSince, Instant dataUntil, Map<String, Double> hours) {
    private static final long HOUR_MS = 3_600_000L;

    public MeterTrack {
        hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
    }

    public static MeterTrack watched(Instant since) {
        return new MeterTrack(since, null, null);
    }

    /** With one more measured hour. */
    public MeterTrack with(Instant hourStart, double coverage) {
        Map<String, Double> next = new TreeMap<>(hours);
        next.merge(hourStart.toString(), coverage, Math::max);
        Instant reach = hourStart.plusMillis(Math.round(Math.min(1, coverage) * HOUR_MS));
        Instant until = dataUntil == null || reach.isAfter(dataUntil) ? reach : dataUntil;
        Instant since = watchedSince == null || hourStart.isBefore(watchedSince) ? hourStart : watchedSince;
        return new MeterTrack(since, until, next);
    }

    /** Without the hours that start before {@code from}. */
    public MeterTrack pruned(Instant from) {
        Map<String, Double> next = new TreeMap<>(hours);
        next.keySet().removeIf(h -> Instant.parse(h).isBefore(from));
        return next.size() == hours.size() ? this : new MeterTrack(watchedSince, dataUntil, next);
    }

    /** The measured share of the whole hours {@code [from, from + span)}. */
    public double share(Instant from, Duration span) {
        long n = span.toHours();
        double sum = 0;
        for (long i = 0; i < n; i++) {
            sum += Math.min(1, hours.getOrDefault(from.plusMillis(i * HOUR_MS).toString(), 0.0));
        }
        return sum / n;
    }
}
