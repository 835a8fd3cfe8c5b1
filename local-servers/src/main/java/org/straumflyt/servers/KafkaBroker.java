package org.straumflyt.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.straumflyt.runtime.PartitionsReady;

/**
 * A single-node Kafka 4 KRaft broker (broker and controller in one child JVM running
 * {@code kafka.Kafka}) on 127.0.0.1, with helpers for topics and string records.
 *
 * <p>Use the shared broker ({@link TestServers#kafka()} or a {@code KafkaBroker} parameter with
 * {@link KafkaExtension}) for ordinary tests, and {@link #startNew()} for a private broker a test
 * may kill and restart.
 */
public final class KafkaBroker extends ServerProcess {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final KafkaBrokerConfig config;
    private final StringRecordClients clients;
    private Admin admin;

    private KafkaBroker(int port, int controllerPort) {
        super("kafka", port);
        this.port = port;
        this.config = new KafkaBrokerConfig(port, controllerPort, directory());
        this.clients = new StringRecordClients(bootstrapServers());
    }

    /**
     * Starts a new private broker on fresh ports with empty storage. Close it when done.
     *
     * @return the running broker
     */
    public static KafkaBroker startNew() {
        return started(new KafkaBroker(Ports.freePort(), Ports.freePort()));
    }

    /**
     * The {@code bootstrap.servers} value for clients.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /**
     * The PLAINTEXT listener port.
     *
     * @return the client port
     */
    public int port() {
        return port;
    }

    /**
     * Minimal client configuration: just {@code bootstrap.servers}, to extend with serdes etc.
     *
     * @return a new mutable map
     */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * An Admin client for this broker, created on first use and owned by the broker: do not
     * close it. It survives restarts of the broker (it reconnects).
     *
     * @return the admin client
     */
    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> adminConfig = clientConfig();
            adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250);
            adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "test-harness-admin-" + port);
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    /**
     * Creates a topic with replication factor 1 and waits until the controller has created it.
     *
     * @param name       the topic name
     * @param partitions the number of partitions
     * @param compacted  {@code true} for {@code cleanup.policy=compact}, else {@code delete}
     */
    public void createTopic(String name, int partitions, boolean compacted) {
        String policy = compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
        createTopics(new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy)));
    }

    /**
     * Creates topics and waits until the controller has created them all.
     *
     * @param topics the topics
     */
    public void createTopics(NewTopic... topics) {
        createTopics(Arrays.asList(topics));
    }

    /**
     * Creates topics and waits until the controller has created them all and their leaders host them, so that a
     * producer may write at once (see {@link PartitionsReady}).
     *
     * @param topics the topics
     */
    public void createTopics(Collection<NewTopic> topics) {
        await("create topics " + topics, admin().createTopics(topics).all());
        try {
            if (!PartitionsReady.await(admin(), topics.stream().map(NewTopic::name).toList(), Duration.ofSeconds(60))) {
                throw new IllegalStateException("the partitions of " + topics + " are not hosted by their leaders");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + topics, e);
        }
    }

    /**
     * Sends one string record with {@code acks=all} and waits for the acknowledgement.
     *
     * @param topic the topic
     * @param key   the key, may be {@code null}
     * @param value the value, may be {@code null}
     * @return the record's partition and offset
     */
    public RecordMetadata produce(String topic, String key, String value) {
        return clients.send(List.of(new ProducerRecord<>(topic, key, value)), CLIENT_TIMEOUT).get(0);
    }

    /**
     * Sends string records in order with {@code acks=all} and waits for all acknowledgements.
     *
     * @param records the records
     * @return partition and offset of each record, in order
     */
    public List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        return clients.send(records, CLIENT_TIMEOUT);
    }

    /**
     * Reads a topic from the beginning of all partitions ({@code read_committed}, no consumer
     * group) until at least {@code expected} records arrived.
     *
     * @param topic    the topic
     * @param expected the number of records to wait for
     * @param timeout  how long to wait
     * @return the records read, at least {@code expected}, in partition order
     * @throws AssertionError if fewer records arrive within the timeout
     */
    public List<ConsumerRecord<String, String>> consumeAll(String topic, int expected, Duration timeout) {
        return clients.consumeAll(topic, expected, timeout);
    }

    @Override
    public synchronized void close() {
        clients.close();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        super.close();
    }

    @Override
    protected void prepare(boolean firstStart) throws IOException {
        config.write();
        if (firstStart) {
            appendToLog(config.formatStorage());
        }
    }

    @Override
    protected List<String> command() {
        List<String> jvm = List.of("-Xmx512m", "-Xms128m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true", "-Dlog4j2.configurationFile=" + config.log4jFile().toUri());
        return JavaCommand.of(directory().resolve("jvm.args"), jvm, "kafka.Kafka",
                List.of(config.propertiesFile().toString()));
    }

    @Override
    protected boolean probeReady() throws Exception {
        if (!Ports.isAccepting(port, Duration.ofMillis(200))) {
            return false;
        }
        return !admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                .nodes().get(3, TimeUnit.SECONDS).isEmpty();
    }

    private static <T> T await(String what, KafkaFuture<T> future) {
        try {
            return future.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot " + what + " within " + CLIENT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
