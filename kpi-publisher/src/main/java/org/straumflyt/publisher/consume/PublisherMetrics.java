package org.straumflyt.publisher.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.publisher.layout.KpiPoint;
import org.straumflyt.publisher.write.WriteObserver;
import org.straumflyt.publisher.write.WriteResult;

/** The publisher's meters. Names are listed in docs/INFLUXDB.md. */
public final class PublisherMetrics implements WriteObserver {
    public static final String POINTS_WRITTEN = "straumflyt.publisher.points.written";
    public static final String RECORDS_CONSUMED = "straumflyt.publisher.records.consumed";
    public static final String BATCH_POINTS = "straumflyt.publisher.batch.points";
    public static final String WRITE_LATENCY = "straumflyt.publisher.write.latency";
    public static final String WRITE_RETRIES = "straumflyt.publisher.write.retries";
    public static final String WRITE_ERRORS = "straumflyt.publisher.write.errors";
    public static final String DEAD_LETTERS = "straumflyt.publisher.dead.letters";
    public static final String PAUSED = "straumflyt.publisher.paused";
    public static final String PENDING_POINTS = "straumflyt.publisher.pending.points";
    public static final String COMMITS_FAILED = "straumflyt.publisher.commits.failed";

    private final MeterRegistry registry;
    private final DistributionSummary batchPoints;
    private final Timer writeLatency;
    private final Counter retries;
    private final Counter commitsFailed;
    private final AtomicInteger paused = new AtomicInteger();
    private final AtomicInteger pendingPoints = new AtomicInteger();

    public PublisherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchPoints = DistributionSummary.builder(BATCH_POINTS).baseUnit("points")
                .description("points per accepted write request").publishPercentiles(0.5, 0.99).register(registry);
        this.writeLatency = Timer.builder(WRITE_LATENCY).description("duration of accepted write requests")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.retries = Counter.builder(WRITE_RETRIES).description("batches scheduled for another attempt")
                .register(registry);
        this.commitsFailed = Counter.builder(COMMITS_FAILED)
                .description("offset commits that failed after a stored batch (the batch is rewritten later)")
                .register(registry);
        registry.gauge(PAUSED, paused);
        registry.gauge(PENDING_POINTS, pendingPoints);
    }

    @Override
    public void accepted(List<KpiPoint> points, Duration latency) {
        writeLatency.record(latency);
        batchPoints.record(points.size());
        Map<String, Integer> byMeasurement = new HashMap<>();
        for (KpiPoint point : points) {
            byMeasurement.merge(point.measurement(), 1, Integer::sum);
        }
        byMeasurement.forEach((measurement, count) -> Counter.builder(POINTS_WRITTEN)
                .description("points accepted by the store").tag("measurement", measurement)
                .register(registry).increment(count));
    }

    @Override
    public void failed(WriteResult.Failed failure, int points, Duration latency) {
        Counter.builder(WRITE_ERRORS).description("failed write requests by kind")
                .tag("kind", failure.kind().tag()).register(registry).increment();
    }

    void consumed(String topic, int count) {
        Counter.builder(RECORDS_CONSUMED).tag("topic", topic).register(registry).increment(count);
    }

    void retry() {
        retries.increment();
    }

    void deadLetter(DeadLetterReason reason) {
        Counter.builder(DEAD_LETTERS).description("records sent to the dead-letter topic")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void commitFailed() {
        commitsFailed.increment();
    }

    void paused(boolean isPaused) {
        paused.set(isPaused ? 1 : 0);
    }

    void pending(int points) {
        pendingPoints.set(points);
    }
}
