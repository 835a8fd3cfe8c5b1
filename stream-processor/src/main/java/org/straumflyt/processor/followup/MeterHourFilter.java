package org.straumflyt.processor.followup;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;

/**
 * Turns meter-hours into meter data keyed by building id, forwarding a meter-hour only when it is a newer hour of its
 * meter, or its hour's coverage, rounded down to a step of {@value #STEP}, grew, or the meter moved to another
 * building. Meter-hours are revised many times an hour; silence and coverage need far less, so this keeps the
 * repartitioned stream small.
 */
final class MeterHourFilter implements Processor<MeterHourKey, MeterHour, String, FollowUpEvent> {
    static final double STEP = 0.05;
    private final String storeName;
    private ProcessorContext<String, FollowUpEvent> context;
    private KeyValueStore<String, Forwarded> forwarded;

    MeterHourFilter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, FollowUpEvent> context) {
        this.context = context;
        this.forwarded = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<MeterHourKey, MeterHour> record) {
        MeterHour hour = record.value();
        if (hour == null || hour.buildingId() == null) {
            return;
        }
        double measured = Math.min(1, hour.coverage());
        double coverage = Math.floor(measured / STEP + 1e-9) * STEP;
        Forwarded before = forwarded.get(hour.meterId());
        boolean newer = before == null || hour.hourStart().isAfter(before.hourStart());
        boolean grew = before != null && hour.hourStart().equals(before.hourStart()) && coverage > before.coverage();
        boolean moved = before != null && !hour.buildingId().equals(before.buildingId());
        if (!newer && !grew && !moved) {
            return;
        }
        forwarded.put(hour.meterId(), new Forwarded(hour.buildingId(), hour.hourStart(), coverage));
        context.forward(record.withKey(hour.buildingId())
                .withValue(new FollowUpEvent.MeterData(hour.meterId(), hour.hourStart(), measured)));
    }

    /** What was last forwarded of a meter. */
    record Forwarded(String buildingId, Instant hourStart, double coverage) {
    }
}
