package org.straumflyt.publisher.consume;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.publisher.layout.KpiPoint;

/**
 * A consumed record waiting for its batch: its points, or the dead letter it became because it could not be mapped.
 *
 * @param record   the raw record
 * @param points   its points; empty for tombstones and unmappable records
 * @param problem  the dead letter for an unmappable record, else {@code null}
 */
record PendingRecord(ConsumerRecord<byte[], byte[]> record, List<KpiPoint> points, DeadLetter problem) {
    PendingRecord {
        Objects.requireNonNull(record, "record");
        points = List.copyOf(points);
    }

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }
}
