package org.straumflyt.publisher.consume;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Kpi;
import org.straumflyt.model.Topic;
import org.straumflyt.publisher.layout.KpiLayouts;

/**
 * Turns a raw KPI record into its points. A record that cannot be read or mapped becomes a dead letter instead of an
 * exception, so it never stops the rest. Tombstones (null values, from compaction deletes) yield no points: the store
 * keeps what it has.
 */
final class RecordMapper {
    static final String COMPONENT = "kpi-publisher";

    private final Map<String, Deserializer<? extends Kpi>> deserializers = new HashMap<>();
    private final Clock clock;

    RecordMapper(List<Topic<?, ? extends Kpi>> topics, Clock clock) {
        topics.forEach(t -> deserializers.put(t.name(), t.valueSerde().deserializer()));
        this.clock = clock;
    }

    PendingRecord map(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return new PendingRecord(record, List.of(), null);
        }
        Deserializer<? extends Kpi> deserializer = deserializers.get(record.topic());
        if (deserializer == null) {
            return problem(record, "not a KPI topic: " + record.topic());
        }
        try {
            Kpi kpi = deserializer.deserialize(record.topic(), record.value());
            return new PendingRecord(record, KpiLayouts.points(record.topic(), kpi), null);
        } catch (RuntimeException e) {
            return problem(record, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private PendingRecord problem(ConsumerRecord<byte[], byte[]> record, String detail) {
        DeadLetter letter = DeadLetter.fromKafka(COMPONENT, DeadLetterReason.PROCESSING_ERROR, detail, record.topic(),
                record.partition(), record.offset(), record.value(), clock.instant());
        return new PendingRecord(record, List.of(), letter);
    }
}
