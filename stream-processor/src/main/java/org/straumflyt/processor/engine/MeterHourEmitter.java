package org.straumflyt.processor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.HourCodec;
import org.straumflyt.processor.series.EmittedHour;
import org.straumflyt.processor.series.HourValue;
import org.straumflyt.processor.series.MeterEntries;
import org.straumflyt.processor.series.SeriesKeys;
import org.straumflyt.processor.series.StoredSeries;

/**
 * Decides when a recomputed meter-hour goes downstream. Immediately when the emit interval is 0; otherwise the
 * newest value of each recomputed hour waits in a pending store (part of the exactly-once state, so nothing is lost
 * on a crash) and {@link #flush} emits those that differ from what was sent, each with the previous emitted
 * revision + 1. An hour that changes many
 * times between flushes (a backlog, power samples every few seconds) is then emitted once per interval.
 */
public final class MeterHourEmitter {
    private final Resolution resolution;
    private final Resolution quarters;
    private final KeyValueStore<Bytes, byte[]> state;
    private final KeyValueStore<Bytes, byte[]> pending;

    /**
     * An emitter of hours only.
     *
     * @param resolution the buckets of the emitted records
     * @param state      the meter state store (holds what was emitted)
     * @param pending    the pending store, or {@code null} to emit immediately
     */
    public MeterHourEmitter(Resolution resolution, KeyValueStore<Bytes, byte[]> state,
            KeyValueStore<Bytes, byte[]> pending) {
        this(resolution, null, state, pending);
    }

    /**
     * An emitter of hours and, unless {@code quarters} is {@code null}, of their quarter-hours: each kind keeps its
     * own emitted values and revisions in the state store ({@link SeriesKeys#HOUR}, {@link SeriesKeys#QUARTER}).
     */
    public MeterHourEmitter(Resolution resolution, Resolution quarters, KeyValueStore<Bytes, byte[]> state,
            KeyValueStore<Bytes, byte[]> pending) {
        this.resolution = resolution;
        this.quarters = quarters;
        this.state = state;
        this.pending = pending;
    }

    /** Whether quarter-hours are emitted. */
    public boolean emitsQuarters() {
        return quarters != null;
    }

    /**
     * Takes the recomputed hours of one meter-register. Without a pending store, emits those that differ from what
     * was sent; with one, queues them all and leaves the comparison with what was sent to {@link #flush}, which
     * then reads each emitted hour once per interval instead of once per reading.
     */
    public int update(String meterId, String register, Carrier carrier, String buildingId, List<HourValue> hours,
            Consumer<MeterHour> out) {
        return update(SeriesKeys.HOUR, resolution, meterId, register, carrier, buildingId, hours, out);
    }

    /** As {@link #update} for the recomputed quarter-hours; nothing when quarter-hours are not emitted. */
    public int updateQuarters(String meterId, String register, Carrier carrier, String buildingId,
            List<HourValue> values, Consumer<MeterHour> out) {
        if (quarters == null || values.isEmpty()) {
            return 0;
        }
        return update(SeriesKeys.QUARTER, quarters, meterId, register, carrier, buildingId, values, out);
    }

    private int update(byte kind, Resolution bucket, String meterId, String register, Carrier carrier,
            String buildingId, List<HourValue> values, Consumer<MeterHour> out) {
        if (pending != null) {
            SeriesKeys keys = new SeriesKeys(meterId, register);
            for (HourValue value : values) {
                pending.put(keys.key(kind, value.hourStart()),
                        HourCodec.pending(new PendingHour(meterId, register, carrier, buildingId, value)));
            }
            return 0;
        }
        StoredSeries series = new StoredSeries(state, meterId, register);
        int emitted = 0;
        for (HourValue value : values) {
            EmittedHour before = series.emitted(kind, value.hourStart());
            if (before == null || !before.value().equals(value)) {
                out.accept(emit(series, kind, before, value,
                        new PendingHour(meterId, register, carrier, buildingId, value).toMeterHour(bucket)));
                emitted++;
            }
        }
        return emitted;
    }

    /**
     * Re-attributes every hour of a meter still held in its state to another building (or none) and carrier: each
     * emitted hour goes out again at once with the same value and revision + 1, and hours waiting in the pending
     * store are rewritten so that they leave with the new building too.
     *
     * @return the hours emitted
     */
    public int reattribute(String meterId, List<String> registers, Carrier carrier, String buildingId,
            Consumer<MeterHour> out) {
        return reattribute(meterId, registers, carrier, buildingId, out, q -> { });
    }

    /** As {@link #reattribute(String, List, Carrier, String, Consumer)}, quarter-hours going to {@code quarterOut}. */
    public int reattribute(String meterId, List<String> registers, Carrier carrier, String buildingId,
            Consumer<MeterHour> out, Consumer<MeterHour> quarterOut) {
        int emitted = 0;
        for (String register : registers) {
            StoredSeries series = new StoredSeries(state, meterId, register);
            for (EmittedHour before : series.emittedHours()) {
                out.accept(emit(series, SeriesKeys.HOUR, before, before.value(),
                        meterHour(meterId, register, carrier, buildingId, before.value())));
                emitted++;
            }
            if (quarters != null) {
                for (EmittedHour before : series.emittedBuckets(SeriesKeys.QUARTER)) {
                    quarterOut.accept(emit(series, SeriesKeys.QUARTER, before, before.value(),
                            new PendingHour(meterId, register, carrier, buildingId, before.value())
                                    .toMeterHour(quarters)));
                }
            }
        }
        if (pending != null) {
            for (Bytes key : MeterEntries.keysIn(pending, meterId)) {
                PendingHour waiting = HourCodec.pending(pending.get(key));
                pending.put(key, HourCodec.pending(waiting.attributedTo(carrier, buildingId)));
            }
        }
        return emitted;
    }

    /** Emits every pending hour whose value differs from what was sent, and empties the pending store. */
    public int flush(Consumer<MeterHour> out) {
        return flush(out, q -> { });
    }

    /**
     * Emits every pending hour and quarter-hour whose value differs from what was sent (quarter-hours to
     * {@code quarterOut}), and empties the pending store.
     *
     * @return the hours emitted
     */
    public int flush(Consumer<MeterHour> out, Consumer<MeterHour> quarterOut) {
        if (pending == null) {
            return 0;
        }
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = pending.all()) {
            it.forEachRemaining(due::add);
        }
        int emitted = 0;
        for (KeyValue<Bytes, byte[]> entry : due) {
            PendingHour hour = HourCodec.pending(entry.value);
            StoredSeries series = new StoredSeries(state, hour.meterId(), hour.register());
            byte kind = SeriesKeys.kindOf(entry.key);
            EmittedHour before = series.emitted(kind, hour.value().hourStart());
            if (before == null || !before.value().equals(hour.value())) {
                if (kind == SeriesKeys.QUARTER) {
                    if (quarters != null) {
                        quarterOut.accept(emit(series, kind, before, hour.value(), hour.toMeterHour(quarters)));
                    }
                } else {
                    out.accept(emit(series, kind, before, hour.value(), hour.toMeterHour(resolution)));
                    emitted++;
                }
            }
            pending.delete(entry.key);
        }
        return emitted;
    }

    private static MeterHour emit(StoredSeries series, byte kind, EmittedHour before, HourValue value,
            MeterHour hour) {
        long revision = before == null ? 1 : before.revision() + 1;
        series.putEmitted(kind, new EmittedHour(value, revision));
        return hour.withRevision(revision);
    }

    private MeterHour meterHour(String meterId, String register, Carrier carrier, String buildingId,
            HourValue v) {
        return new PendingHour(meterId, register, carrier, buildingId, v).toMeterHour(resolution);
    }
}
