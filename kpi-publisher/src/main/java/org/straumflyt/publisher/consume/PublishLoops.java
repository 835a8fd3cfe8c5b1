package org.straumflyt.publisher.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Kpi;
import org.straumflyt.model.Topic;
import org.straumflyt.publisher.write.Backoff;
import org.straumflyt.publisher.write.BatchWriter;
import org.straumflyt.publisher.write.PointStore;

/** Assembles a {@link PublishLoop} from its parts. */
public final class PublishLoops {
    private PublishLoops() {
    }

    public static PublishLoop create(Consumer<byte[], byte[]> consumer, Producer<String, DeadLetter> producer,
            Topic<String, DeadLetter> deadLetterTopic, List<String> topicNames,
            List<Topic<?, ? extends Kpi>> kpiTopics, PointStore store, PublisherMetrics metrics, Backoff backoff,
            int batchSize, Duration linger, Clock clock) {
        RecordMapper mapper = new RecordMapper(kpiTopics, clock);
        BatchWriter<PendingRecord> writer = new BatchWriter<>(store, metrics, clock);
        return new PublishLoop(consumer, producer, deadLetterTopic, topicNames, mapper, writer, backoff, batchSize,
                linger, metrics, clock);
    }
}
