package org.straumflyt.publisher.layout;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One point as the store will hold it, before it is handed to the client.
 *
 * @param measurement the measurement name
 * @param tags        tag values, sorted by key
 * @param fields      field values in layout order ({@link Double}, {@link Long}, {@link String}, {@link Boolean})
 * @param time        the timestamp: the start of the period, whole seconds
 */
public record KpiPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, Instant time) {
    public KpiPoint {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(time, "time");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** What the store identifies the point by: a rewrite with the same identity overwrites it. */
    public Identity identity() {
        return new Identity(measurement, tags, time);
    }

    /** The {@code revision} field, or 0 when the point has none. */
    public long revision() {
        return fields.get("revision") instanceof Long revision ? revision : 0L;
    }

    /** Series (measurement + tag set) and timestamp. */
    public record Identity(String measurement, Map<String, String> tags, Instant time) {
    }
}
