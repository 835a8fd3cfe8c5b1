package org.straumflyt.processor.portfolio;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;

/**
 * Turns meter-hours into meter activity, keyed by building id, forwarding only when a meter's data reaches further
 * than before or the meter is attributed to another building. Meter-hours are revised many times an hour; the
 * building stage needs only how far each meter's data reaches, to a step of minutes, so this keeps the
 * repartitioned stream small.
 */
final class MeterActivityFilter implements Processor<MeterHourKey, MeterHour, String, BuildingEvent> {
    private final String storeName;
    private final long stepMs;
    private ProcessorContext<String, BuildingEvent> context;
    private KeyValueStore<String, MeterActivity> forwarded;

    /**
     * @param storeName the store of what was forwarded per meter
     * @param step      data times are rounded down to multiples of this (since the epoch)
     */
    MeterActivityFilter(String storeName, Duration step) {
        this.storeName = storeName;
        this.stepMs = step.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, BuildingEvent> context) {
        this.context = context;
        this.forwarded = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<MeterHourKey, MeterHour> record) {
        MeterHour hour = record.value();
        if (hour == null || hour.buildingId() == null) {
            return;
        }
        long reach = hour.hourStart().toEpochMilli() + Math.round(Math.min(1, hour.coverage()) * 3_600_000d);
        Instant until = Instant.ofEpochMilli(Math.floorDiv(reach, stepMs) * stepMs);
        MeterActivity before = forwarded.get(hour.meterId());
        boolean further = before == null || until.isAfter(before.dataUntil());
        boolean moved = before != null && !hour.buildingId().equals(before.buildingId());
        if (!further && !moved) {
            return;
        }
        // a moved meter starts afresh in its new building with the hour that shows the move
        MeterActivity activity = new MeterActivity(hour.meterId(), hour.buildingId(),
                further ? until : before.dataUntil());
        forwarded.put(hour.meterId(), activity);
        context.forward(record.withKey(hour.buildingId()).withValue(new BuildingEvent.Meter(activity)));
    }
}
