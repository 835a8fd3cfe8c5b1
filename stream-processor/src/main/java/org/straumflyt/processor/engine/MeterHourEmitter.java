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
    private final KeyValueStore<Bytes, byte[]> state;
    private final KeyValueStore<Bytes, byte[]> pending;

    /**
     * @param resolution the buckets of the emitted records
     * @param state      the meter state store (holds what was emitted)
     * @param pending    the pending store, or {@code null} to emit immediately
     */
    public MeterHourEmitter(Resolution resolution, KeyValueStore<Bytes, byte[]> state,
            KeyValueStore<Bytes, byte[]> pending) {
        this.resolution = resolution;
        this.state = state;
        this.pending = pending;
    }

    /**
     * Takes the recomputed hours of one meter-register. Without a pending store, emits those that differ from what
     * was sent; with one, queues them all and leaves the comparison with what was sent to {@link #flush}, which
     * then reads each emitted hour once per interval instead of once per reading.
     */
    public int update(String meterId, String register, Carrier carrier, String buildingId, List<HourValue> hours,
            Consumer<MeterHour> out) {
        if (pending != null) {
            SeriesKeys keys = new SeriesKeys(meterId, register);
            for (HourValue value : hours) {
                pending.put(keys.key(SeriesKeys.HOUR, value.hourStart()),
                        HourCodec.pending(new PendingHour(meterId, register, carrier, buildingId, value)));
            }
            return 0;
        }
        StoredSeries series = new StoredSeries(state, meterId, register);
        int emitted = 0;
        for (HourValue value : hours) {
            EmittedHour before = series.emitted(value.hourStart());
            if (before == null || !before.value().equals(value)) {
                out.accept(emit(series, before, value, meterHour(meterId, register, carrier, buildingId, value)));
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
        int emitted = 0;
        for (String register : registers) {
            StoredSeries series = new StoredSeries(state, meterId, register);
            for (EmittedHour before : series.emittedHours()) {
                out.accept(emit(series, before, before.value(),
                        meterHour(meterId, register, carrier, buildingId, before.value())));
                emitted++;
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
            EmittedHour before = series.emitted(hour.value().hourStart());
            if (before == null || !before.value().equals(hour.value())) {
                out.accept(emit(series, before, hour.value(), hour.toMeterHour(resolution)));
                emitted++;
            }
            pending.delete(entry.key);
        }
        return emitted;
    }

    private static MeterHour emit(StoredSeries series, EmittedHour before, HourValue value, MeterHour hour) {
        long revision = before == null ? 1 : before.revision() + 1;
        series.putEmitted(new EmittedHour(value, revision));
        return hour.withRevision(revision);
    }

    private MeterHour meterHour(String meterId, String register, Carrier carrier, String buildingId,
            HourValue v) {
        return new PendingHour(meterId, register, carrier, buildingId, v).toMeterHour(resolution);
    }
}
