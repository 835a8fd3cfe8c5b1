package org.straumflyt.processor.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.processor.assignment.MeterAssignment;
import org.straumflyt.processor.series.MeterEntries;
import org.straumflyt.processor.series.SampleCache;
import org.straumflyt.processor.series.SeriesStore;

/**
 * The meter stage: applies each reading to its meter-register's state and emits the hours that changed, or a dead
 * letter for a late reading or one that fails. One bad record never stops the stream.
 */
public final class MeterHourProcessor implements Processor<String, MeterInput, String, MeterOutput> {
    public static final String COMPONENT = "stream-processor";
    private static final Logger LOG = LoggerFactory.getLogger(MeterHourProcessor.class);
    /** Register readings and power samples held in memory per task (about 17-34 bytes each). */
    static final long SAMPLE_CACHE_BUDGET = 250_000;

    private final String storeName;
    private final String pendingStoreName;
    private final Duration emitInterval;
    private final Resolution resolution;
    private final Resolution quarters;
    private final MeteringRules rules;
    private final MeterEngine engine;
    private final ProcessorMetrics metrics;
    private final Clock clock;
    private final SampleCache samples = SampleCache.withBudget(SAMPLE_CACHE_BUDGET);
    private ProcessorContext<String, MeterOutput> context;
    private KeyValueStore<Bytes, byte[]> store;
    private MeterHourEmitter emitter;

    /**
     * @param storeName        the meter state store
     * @param pendingStoreName the store of hours waiting for the next emission (used when the rules' emit interval
     *                         is positive)
     * @param resolution       the buckets emitted as {@link MeterOutput.Hour} (hours)
     * @param quarters         the finer buckets the hours are the exact sum of (quarter-hours), emitted as
     *                         {@link MeterOutput.Quarter}, or {@code null} to emit none (the hours are the same)
     */
    public MeterHourProcessor(String storeName, String pendingStoreName, Resolution resolution, Resolution quarters,
            MeteringRules rules, ProcessorMetrics metrics, Clock clock) {
        this.storeName = storeName;
        this.pendingStoreName = pendingStoreName;
        this.emitInterval = rules.emitInterval();
        this.rules = rules;
        this.resolution = resolution;
        this.quarters = quarters;
        // the hours are always computed as sums of quarter-hours, emitted or not, so the switch leaves them alone
        this.engine = new MeterEngine(rules, resolution);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, MeterOutput> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // A (re)initialized task may have had its store restored or wiped: nothing held before is trusted.
        samples.clear();
        if (emitInterval.isZero()) {
            emitter = new MeterHourEmitter(resolution, quarters, store, null);
        } else {
            emitter = new MeterHourEmitter(resolution, quarters, store, context.getStateStore(pendingStoreName));
            context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME,
                    now -> metrics.meterHours(emitter.flush(this::forward, this::forwardQuarter)));
        }
    }

    @Override
    public void close() {
        samples.clear();
    }

    private void forward(MeterHour hour) {
        context.forward(new Record<>(hour.meterId(), new MeterOutput.Hour(hour), hour.hourStart().toEpochMilli()));
    }

    private void forwardQuarter(MeterHour quarter) {
        context.forward(new Record<>(quarter.meterId(), new MeterOutput.Quarter(quarter),
                quarter.hourStart().toEpochMilli()));
    }

    @Override
    public void process(Record<String, MeterInput> record) {
        if (record.value() instanceof AssignmentChange change) {
            reattribute(record, change);
        } else if (record.value() instanceof AssignedReading assigned) {
            apply(record, assigned);
        }
    }

    /**
     * A meter's registry entry changed: the hours it still holds go out again under the new building (and
     * carrier), so kpi.meter-hourly names the right building for every hour that is not yet final. A change that
     * leaves the building and carrier as they were re-emits nothing. A change of the meter's limits (its register
     * maximum, its maximum power) recomputes those hours with the new limits and emits the ones that differ: the
     * hours of readings applied before the registry listed the meter were computed without them, e.g. a rollover
     * booked as nothing.
     */
    private void reattribute(Record<String, MeterInput> record, AssignmentChange change) {
        MeterEntries meter = new MeterEntries(store, change.meterId());
        MeterAssignment before = meter.assignment();
        MeterAssignment after = change.assignment();
        meter.putAssignment(after);
        if (after == null && before == null) {
            return;
        }
        String buildingId = after == null ? null : after.buildingId();
        Carrier carrier = (after == null ? before : after).spec().carrier();
        List<String> registers = meter.registers();
        Consumer<MeterHour> out = hour -> context.forward(record.withValue(new MeterOutput.Hour(hour)));
        Consumer<MeterHour> quarterOut = q -> context.forward(record.withValue(new MeterOutput.Quarter(q)));
        if (before == null || after == null || !before.buildingId().equals(buildingId)
                || before.spec().carrier() != carrier) {
            metrics.meterHours(emitter.reattribute(change.meterId(), registers, carrier, buildingId, out,
                    quarterOut));
        }
        // Without an entry before, the readings were applied with their own carrier's default limits: taken to be
        // the carrier the entry now gives
        MeterLimits was = before == null ? MeterLimits.of(null, carrier, rules)
                : MeterLimits.of(before.spec(), before.spec().carrier(), rules);
        MeterLimits now = MeterLimits.of(after == null ? null : after.spec(), carrier, rules);
        if (!was.equals(now)) {
            for (String register : registers) {
                MeterUpdate.Applied applied = engine.recompute(now,
                        new SeriesStore(store, change.meterId(), register, samples));
                applied.newEvents().forEach(e -> metrics.registerEvent(e.type()));
                metrics.meterHours(emitter.update(change.meterId(), register, carrier, buildingId,
                        applied.recomputed(), out));
                emitter.updateQuarters(change.meterId(), register, carrier, buildingId, applied.quarters(),
                        quarterOut);
            }
        }
    }

    private void apply(Record<String, MeterInput> record, AssignedReading assigned) {
        Reading reading = assigned.reading();
        MeterAssignment assignment = assigned.assignment();
        try {
            if (assignment == null) {
                metrics.unassigned();
            }
            SeriesStore series = new SeriesStore(store, reading.meterId(), reading.register(), samples);
            Carrier carrier = assignment == null ? reading.carrier() : assignment.spec().carrier();
            MeterLimits limits = MeterLimits.of(assignment == null ? null : assignment.spec(), carrier, rules);
            MeterUpdate update = engine.apply(reading, limits, series);
            if (update instanceof MeterUpdate.Late late) {
                metrics.late();
                deadLetter(record, reading, DeadLetterReason.LATE, "reading at " + reading.timestamp()
                        + " is before the lateness horizon " + Instant.ofEpochMilli(late.horizonStart())
                        + " of " + reading.meterId() + "/" + reading.register());
            } else if (update instanceof MeterUpdate.Applied applied) {
                emit(record, reading, assignment, applied);
            } else {
                metrics.duplicate();
            }
        } catch (RuntimeException e) {
            LOG.warn("reading of meter {} could not be processed; dead-lettered", reading.meterId(), e);
            deadLetter(record, reading, DeadLetterReason.PROCESSING_ERROR, String.valueOf(e));
        }
    }

    private void emit(Record<String, MeterInput> record, Reading reading, MeterAssignment assignment,
            MeterUpdate.Applied applied) {
        metrics.reading(reading.kind());
        if (applied.conflict()) {
            metrics.conflict();
        }
        applied.newEvents().forEach(e -> metrics.registerEvent(e.type()));
        String buildingId = assignment == null ? null : assignment.buildingId();
        Carrier carrier = assignment == null ? reading.carrier() : assignment.spec().carrier();
        int emitted = emitter.update(reading.meterId(), reading.register(), carrier, buildingId, applied.recomputed(),
                hour -> context.forward(record.withValue(new MeterOutput.Hour(hour))));
        metrics.meterHours(emitted);
        emitter.updateQuarters(reading.meterId(), reading.register(), carrier, buildingId, applied.quarters(),
                q -> context.forward(record.withValue(new MeterOutput.Quarter(q))));
    }

    private void deadLetter(Record<String, MeterInput> record, Reading reading, DeadLetterReason reason,
            String detail) {
        metrics.deadLetter(reason);
        RecordMetadata origin = context.recordMetadata().orElse(null);
        DeadLetter letter = DeadLetter.fromKafka(COMPONENT, reason, detail,
                origin == null ? "" : origin.topic(), origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(), Json.toBytes(reading), clock.instant());
        context.forward(record.withValue(new MeterOutput.Dead(letter)));
    }
}
