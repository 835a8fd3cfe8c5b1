package org.straumflyt.ingest.format;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest time each topic's device has reported, so that a local time which occurs twice (the autumn hour) can be
 * read as the one that continues the device's sequence. Bounded: the least recently seen topics are forgotten first.
 * Thread-safe.
 */
public final class DeviceTimeline {
    private final int maxTopics;
    private final Map<String, Instant> latest;

    /** @param maxTopics how many topics to remember */
    public DeviceTimeline(int maxTopics) {
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be at least 1, got " + maxTopics);
        }
        this.maxTopics = maxTopics;
        this.latest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > DeviceTimeline.this.maxTopics;
            }
        };
    }

    /** The latest time the device on this topic has reported, if it is remembered. */
    public synchronized Optional<Instant> latest(String topic) {
        return Optional.ofNullable(latest.get(topic));
    }

    /** Records a time the device on this topic reported; the latest is kept (a late message does not move it back). */
    public synchronized void saw(String topic, Instant at) {
        latest.merge(topic, at, (old, now) -> now.isAfter(old) ? now : old);
    }
}
