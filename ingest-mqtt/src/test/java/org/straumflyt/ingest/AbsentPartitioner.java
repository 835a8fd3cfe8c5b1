package org.straumflyt.ingest;

import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Sends every record to a partition the topic does not have, as if its leader were gone for good: each send fails
 * with a passing error (a metadata timeout) and is retried, while the broker itself answers.
 */
public final class AbsentPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        return 99;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
