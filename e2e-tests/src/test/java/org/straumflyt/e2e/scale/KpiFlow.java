package org.straumflyt.e2e.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When KPIs move: a consumer outside any group reads a KPI topic as its subscribers do ({@code read_committed}, so a
 * record counts when the processor's transaction committed it) and notes the wall-clock time records arrived, per
 * partition. The longest gap between two arrivals is the longest time no KPI moved.
 */
final class KpiFlow implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** partition → arrival times (epoch ms), in order. */
    private final Map<Integer, List<Long>> arrivals = new TreeMap<>();
    private volatile RuntimeException failure;

    private KpiFlow(String bootstrapServers, String topic, List<Integer> partitions) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scale-test-kpi-flow");
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250);
        thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                while (running.get()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        note(r.partition(), now);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "kpi-flow");
        thread.setDaemon(true);
    }

    /** Starts reading {@code topic}'s partitions from the beginning. */
    static KpiFlow watch(String bootstrapServers, String topic, int partitions) {
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(p);
        }
        KpiFlow flow = new KpiFlow(bootstrapServers, topic, all);
        flow.thread.start();
        return flow;
    }

    private synchronized void note(int partition, long epochMillis) {
        List<Long> times = arrivals.computeIfAbsent(partition, k -> new ArrayList<>());
        if (times.isEmpty() || times.get(times.size() - 1) != epochMillis) {
            times.add(epochMillis);
        }
    }

    /** Arrival times of every partition together, sorted. */
    synchronized List<Long> all() {
        return arrivals.values().stream().flatMap(List::stream).sorted().distinct().toList();
    }

    /** Arrival times per partition. */
    synchronized Map<Integer, List<Long>> byPartition() {
        Map<Integer, List<Long>> copy = new TreeMap<>();
        arrivals.forEach((p, times) -> copy.put(p, List.copyOf(times)));
        return copy;
    }

    /** How many distinct arrival times since {@code sinceMillis}. */
    synchronized long arrivalsSince(long sinceMillis) {
        return all().stream().filter(t -> t >= sinceMillis).count();
    }

    /**
     * The longest time within {@code [from, to]} without an arrival: between two arrivals, or from {@code from} to
     * the first and from the last to {@code to}.
     *
     * @param times arrival times, sorted
     * @return {@code [start, end]} of the longest gap
     */
    static long[] longestGap(List<Long> times, long from, long to) {
        long[] longest = {from, from};
        long previous = from;
        for (long t : times) {
            if (t < from) {
                continue;
            }
            if (t > to) {
                break;
            }
            if (t - previous > longest[1] - longest[0]) {
                longest = new long[] {previous, t};
            }
            previous = t;
        }
        if (to - previous > longest[1] - longest[0]) {
            longest = new long[] {previous, to};
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
        if (failure != null) {
            throw new IllegalStateException("the KPI flow's consumer failed", failure);
        }
    }
}
