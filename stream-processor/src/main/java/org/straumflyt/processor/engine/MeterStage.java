package org.straumflyt.processor.engine;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Resolution;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.processor.DeadLetterSink;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.processor.StateStores;
import org.straumflyt.processor.assignment.MeterAssignment;

/**
 * The meter stage at one {@link Resolution}: each reading joined with its meter's registry entry, and the entries'
 * changes, go through {@link MeterHourProcessor}, which keeps every meter-register's series in the meter store and
 * emits the buckets that changed.
 * <pre>
 * readings ─▶ join assignment ─┐
 * meter-assignments changes ───┴─▶ meter stage ─┬─▶ buckets: the resolution's topic (kpi.meter-hourly)
 *                                               ├─▶ quarter-hours, when on: kpi.meter-quarter-hourly
 *                                               └─▶ late/failed: readings.dlq
 * </pre>
 * One stage and one store serve both resolutions: the hours are computed as sums of their quarter-hours (see
 * {@link HourCalculator}), so quarter-hours cost no second copy of the series, and turning them off changes no
 * hour. Without the quarter-hour topic the topology is the one of hours only.
 */
public final class MeterStage {
    /** Every meter-register's samples, emitted hours and bookkeeping, and each meter's applied registry entry. */
    public static final String METER_STORE = "meter-state";
    /** Recomputed hours waiting for the next emission. */
    public static final String METER_PENDING_STORE = "meter-pending";

    private MeterStage() {
    }

    /**
     * Adds the stage for {@code resolution}, writing its buckets to {@code out} and, unless {@code quarterOut} is
     * {@code null}, their quarter-hours to {@code quarterOut}.
     *
     * @param readings    usable readings keyed by meter id
     * @param assignments each meter's registry entry, keyed by meter id
     */
    public static void addTo(StreamsBuilder builder, StateStores stores, Topics topics, Resolution resolution,
            Topic<MeterHourKey, MeterHour> out, Topic<MeterHourKey, MeterHour> quarterOut,
            KStream<String, Reading> readings,
            KTable<String, MeterAssignment> assignments, MeteringRules rules, ProcessorMetrics metrics,
            Clock clock) {
        // No record cache for the meter store: the meter stage keeps what it reads often in its own SampleCache, and
        // most writes are new samples, written once, which the record cache only sorts, holds and flushes later
        // (measured: about a fifth less CPU per reading and a third fewer changelog bytes, docs/BENCHMARKS.md).
        builder.addStateStore(stores.keyValue(METER_STORE, Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled());
        builder.addStateStore(stores.keyValue(METER_PENDING_STORE, Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        KStream<String, MeterOutput> meterOutput = readings
                .leftJoin(assignments, (Reading r, MeterAssignment a) -> (MeterInput) new AssignedReading(r, a),
                        Joined.<String, Reading, MeterAssignment>as("assign-meter"))
                .merge(assignments.toStream(Named.as("assignment-changes"))
                        .mapValues((meterId, a) -> (MeterInput) new AssignmentChange(meterId, a),
                                Named.as("assignment-change")), Named.as("meter-inputs"))
                .process(() -> new MeterHourProcessor(METER_STORE, METER_PENDING_STORE, resolution,
                        quarterOut == null ? null : Resolution.QUARTER_HOURLY, rules, metrics, clock), Named.as("meter-stage"), METER_STORE, METER_PENDING_STORE);

        var branches = meterOutput.split(Named.as("meter-"))
                .branch((k, v) -> v instanceof MeterOutput.Hour, Branched.withConsumer(hours -> hours
                        .map((k, v) -> {
                            var hour = ((MeterOutput.Hour) v).hour();
                            return KeyValue.pair(hour.key(), hour);
                        }, Named.as("meter-hour-key"))
                        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde())
                                .withName("meter-hourly-sink")), "hours"));
        if (quarterOut != null) {
            branches = branches.branch((k, v) -> v instanceof MeterOutput.Quarter, Branched.withConsumer(quarters ->
                    quarters.map((k, v) -> {
                        var quarter = ((MeterOutput.Quarter) v).quarter();
                        return KeyValue.pair(quarter.key(), quarter);
                    }, Named.as("meter-quarter-key"))
                            .to(quarterOut.name(), Produced.with(quarterOut.keySerde(), quarterOut.valueSerde())
                                    .withName("meter-quarter-hourly-sink")), "quarters"));
        }
        branches.defaultBranch(Branched.withConsumer(dead -> DeadLetterSink.to(topics.readingsDlq(), dead
                        .mapValues(v -> ((MeterOutput.Dead) v).letter(), Named.as("meter-letter")),
                        "meter-dead-letters"), "dead"));
    }
}
