package org.straumflyt.e2e.bench;

import java.util.Map;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.publisher.PublisherConfig;
import org.straumflyt.runtime.ConfigSource;

/**
 * The three settings that pace how soon a reading's KPI is in the store: the processor's exactly-once commit
 * interval, its meter-hour emit interval, and the publisher's batch linger.
 *
 * @param name              how the report names them
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

    static LatencySettings parse(String name) {
        return switch (name.trim()) {
            case "default" -> production();
            case "low-latency" -> lowLatency();
            default -> throw new IllegalArgumentException("unknown settings '" + name + "'; known: default, low-latency");
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
