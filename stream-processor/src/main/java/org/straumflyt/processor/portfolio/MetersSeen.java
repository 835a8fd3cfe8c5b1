package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each meter's data reaches, for the meters attributed to one building (internal).
 *
 * @param dataUntil by meter id
 */
public record MetersSeen(Map<String, Instant> dataUntil) {
    public static final MetersSeen NONE = new MetersSeen(Map.of());

    public MetersSeen {
        dataUntil = dataUntil == null ? Map.of() : Map.copyOf(new TreeMap<>(dataUntil));
    }

    /** With the meter's activity, or {@code this} when it reaches no further than what is known. */
    public MetersSeen with(MeterActivity activity) {
        Instant known = dataUntil.get(activity.meterId());
        if (known != null && !activity.dataUntil().isAfter(known)) {
            return this;
        }
        Map<String, Instant> next = new TreeMap<>(dataUntil);
        next.put(activity.meterId(), activity.dataUntil());
        return new MetersSeen(next);
    }

    public Instant of(String meterId) {
        return dataUntil.get(meterId);
    }
}
