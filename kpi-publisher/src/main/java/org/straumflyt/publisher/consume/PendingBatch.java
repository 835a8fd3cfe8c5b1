package org.straumflyt.publisher.consume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.straumflyt.publisher.layout.KpiPoint;
import org.straumflyt.publisher.write.BatchWriter.Owned;

/**
 * The records consumed since the last commit and their points. Points with the same identity (series and timestamp)
 * are collapsed to the one with the highest revision (the later one on a tie), so a batch never relies on the store's
 * order of applying duplicates. Not thread-safe: it belongs to the publisher's loop.
 */
final class PendingBatch {
    private final List<PendingRecord> records = new ArrayList<>();
    private final Map<KpiPoint.Identity, Owned<PendingRecord>> points = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private Instant startedAt;

    void add(PendingRecord record, Instant now) {
        if (records.isEmpty()) {
            startedAt = now;
        }
        records.add(record);
        for (KpiPoint point : record.points()) {
            points.merge(point.identity(), new Owned<>(point, record),
                    (old, candidate) -> candidate.point().revision() >= old.point().revision() ? candidate : old);
        }
        nextOffsets.merge(record.partition(), record.record().offset() + 1, Math::max);
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int recordCount() {
        return records.size();
    }

    int pointCount() {
        return points.size();
    }

    /** When the first record of this batch arrived, or {@code null} when it is empty. */
    Instant startedAt() {
        return startedAt;
    }

    List<Owned<PendingRecord>> points() {
        return List.copyOf(points.values());
    }

    /** Records that could not be mapped to points. */
    List<PendingRecord> problems() {
        return records.stream().filter(r -> r.problem() != null).toList();
    }

    /** The offsets to commit once the batch is stored: the next offset of every partition in it. */
    Map<TopicPartition, OffsetAndMetadata> offsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        return offsets;
    }

    /**
     * Forgets the records of partitions this consumer no longer owns. They are not committed, so their new owner
     * reads and writes them again.
     */
    void drop(Collection<TopicPartition> partitions) {
        List<PendingRecord> kept = records.stream().filter(r -> !partitions.contains(r.partition())).toList();
        Instant started = startedAt;
        clear();
        kept.forEach(r -> add(r, started));
    }

    void clear() {
        records.clear();
        points.clear();
        nextOffsets.clear();
        startedAt = null;
    }
}
