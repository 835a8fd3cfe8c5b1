package org.straumflyt.bench;

import java.util.Map;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.publisher.PublisherConfig;
import org.straumflyt.runtime.ConfigSource;

/**
 * The three settings that pace how soon a reading's KPI is in the store: the processor's exactly-once commit
 * interval, its meter-hour emit interval, and the publisher's batch linger.
 *
 * @param name              how the report names them (also part of topic prefixes, group ids and directories)
 * @param commitIntervalMs  stream-processor {@code commit.interval.ms}, ms
 * @param emitIntervalMs    stream-processor {@code meter.emit.interval.ms}, ms
 * @param batchLingerMs     kpi-publisher {@code batch.linger.ms}, ms
 */
record LatencySettings(String name, long commitIntervalMs, long emitIntervalMs, long batchLingerMs) {

    /** The services' own defaults, read from their configuration definitions. */
    static LatencySettings production() {
        Map<String, Object> processor = ProcessorConfig.definition().defaultValues();
        Map<String, Object> publisher = PublisherConfig.definition().defaultValues();
        return new LatencySettings("default", ((Number) processor.get(ProcessorConfig.COMMIT_INTERVAL_MS)).longValue(),
                ((Number) processor.get(ProcessorConfig.METER_EMIT_INTERVAL_MS)).longValue(),
                ((Number) publisher.get(PublisherConfig.BATCH_LINGER_MS)).longValue());
    }

    /** A tenth of a second at each stage. */
    static LatencySettings lowLatency() {
        return new LatencySettings("low-latency", 100, 100, 100);
    }

    /**
     * {@code default}, {@code low-latency}, or {@code ms:<commit>/<emit>/<linger>} for any other three intervals in
     * milliseconds, e.g. {@code ms:250/250/250}.
     */
    static LatencySettings parse(String name) {
        String trimmed = name.trim();
        if (trimmed.startsWith("ms:")) {
            String[] ms = trimmed.substring(3).split("/");
            if (ms.length != 3) {
                throw new IllegalArgumentException("settings '" + name + "': expected ms:<commit>/<emit>/<linger>");
            }
            try {
                long commit = Long.parseLong(ms[0]);
                long emit = Long.parseLong(ms[1]);
                long linger = Long.parseLong(ms[2]);
                // the name goes into topic prefixes, group ids and directories: no ':' or '/'
                return new LatencySettings("ms-" + commit + "-" + emit + "-" + linger, commit, emit, linger);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("settings '" + name + "': the intervals must be whole milliseconds");
            }
        }
        return switch (trimmed) {
            case "default" -> production();
            case "low-latency" -> lowLatency();
            default -> throw new IllegalArgumentException("unknown settings '" + name
                    + "'; known: default, low-latency, ms:<commit>/<emit>/<linger>");
        };
    }

    Map<String, String> processorEnvironment() {
        return Map.of(ConfigSource.environmentName(ProcessorConfig.COMMIT_INTERVAL_MS), Long.toString(commitIntervalMs),
                ConfigSource.environmentName(ProcessorConfig.METER_EMIT_INTERVAL_MS), Long.toString(emitIntervalMs));
    }

    Map<String, String> publisherEnvironment() {
        return Map.of(ConfigSource.environmentName(PublisherConfig.BATCH_LINGER_MS), Long.toString(batchLingerMs));
    }

    @Override
    public String toString() {
        return String.format("%s (commit.interval.ms=%d, meter.emit.interval.ms=%d, batch.linger.ms=%d)", name,
                commitIntervalMs, emitIntervalMs, batchLingerMs);
    }
}
