package org.straumflyt.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.straumflyt.runtime.PartitionsReady;

/**
 * A Kafka 4 KRaft cluster on 127.0.0.1 with the replication of a production cluster: three nodes, each broker and
 * controller in a child JVM of its own (a static quorum of all three), replication factor 3 for topics, consumer
 * offsets and transaction state, and {@code min.insync.replicas=2}. So any one node may die — also the leader of a
 * partition and the active controller — while producers with {@code acks=all} and exactly-once transactions go on.
 *
 * <p>Each node is a {@link ServerProcess}: {@link Broker#kill()} is SIGKILL, and {@link Broker#start()} brings it
 * back on the same ports with the same log directory. Services run against it unchanged, with
 * {@link #bootstrapServers()} naming every node. Always private to the test that starts it; close it when done.
 */
public final class KafkaCluster implements AutoCloseable {

    /** Nodes of a cluster from {@link #startNew()}. */
    public static final int NODES = 3;
    /** Replication factor of the cluster's topics (its default and the internal topics'). */
    public static final short REPLICATION_FACTOR = 3;
    /** {@code min.insync.replicas} of the cluster's topics and of its transaction state. */
    public static final int MIN_INSYNC_REPLICAS = 2;

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final List<Broker> brokers;
    private final String bootstrapServers;
    private Admin admin;

    private KafkaCluster(List<Broker> brokers) {
        this.brokers = List.copyOf(brokers);
        this.bootstrapServers = brokers.stream().map(Broker::bootstrapServers).collect(Collectors.joining(","));
    }

    /**
     * Starts three nodes on fresh ports with empty storage and waits until every one of them is a live broker.
     *
     * @return the running cluster
     */
    public static KafkaCluster startNew() {
        String clusterId = Uuid.randomUuid().toString();
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports.add(new int[] {Ports.freePort(), Ports.freePort()});
        }
        String voters = "";
        for (int i = 0; i < NODES; i++) {
            voters += (i == 0 ? "" : ",") + (i + 1) + "@" + Ports.LOOPBACK + ":" + ports.get(i)[1];
        }
        List<Broker> brokers = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            brokers.add(new Broker(i + 1, ports.get(i)[0], ports.get(i)[1], clusterId, voters));
        }
        KafkaCluster cluster = new KafkaCluster(brokers);
        try {
            // Together: a node's controller waits for a quorum of the others before its broker is ready.
            List<CompletableFuture<Void>> starts = brokers.stream()
                    .map(broker -> CompletableFuture.runAsync(broker::start)).toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            return cluster;
        } catch (CompletionException e) {
            cluster.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The {@code bootstrap.servers} value for clients: every node.
     *
     * @return {@code 127.0.0.1:<port>,127.0.0.1:<port>,127.0.0.1:<port>}
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The nodes, in the order of their ids (1, 2, 3).
     *
     * @return the nodes
     */
    public List<Broker> brokers() {
        return brokers;
    }

    /**
     * The node with the given id.
     *
     * @param nodeId 1, 2 or 3
     * @return that node
     */
    public Broker broker(int nodeId) {
        return brokers.stream().filter(b -> b.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in " + brokers));
    }

    /**
     * Minimal client configuration: {@code bootstrap.servers} of every node, to extend with serdes etc.
     *
     * @return a new mutable map
     */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * An Admin client for the whole cluster, created on first use and owned by the cluster: do not close it. It
     * survives the death of any one node.
     *
     * @return the admin client
     */
    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = clientConfig();
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "test-harness-cluster-admin");
            admin = Admin.create(config);
        }
        return admin;
    }

    /**
     * Creates topics with the cluster's production replication — factor {@value #REPLICATION_FACTOR},
     * {@code min.insync.replicas} {@value #MIN_INSYNC_REPLICAS} — and waits until their leaders host them.
     *
     * @param partitions the partitions of each
     * @param compacted  {@code true} for {@code cleanup.policy=compact}, else {@code delete}
     * @param names      the topic names
     */
    public void createTopics(int partitions, boolean compacted, String... names) {
        String policy = compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, REPLICATION_FACTOR).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, policy,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(MIN_INSYNC_REPLICAS))));
        }
        await("create topics " + List.of(names), admin().createTopics(topics).all());
        try {
            if (!PartitionsReady.await(admin(), List.of(names), Duration.ofSeconds(60))) {
                throw new IllegalStateException("the partitions of " + List.of(names) + " are not hosted by their "
                        + "leaders");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + List.of(names), e);
        }
    }

    /**
     * Describes a topic's partitions: leader, replicas and in-sync replicas of each.
     *
     * @param topic the topic
     * @return its partitions, in partition order
     */
    public List<TopicPartitionInfo> partitions(String topic) {
        TopicDescription description = await("describe " + topic,
                admin().describeTopics(List.of(topic)).topicNameValues().get(topic));
        return description.partitions();
    }

    /**
     * A topic's effective setting: its own, else the brokers' default.
     *
     * @param topic the topic
     * @param key   the setting, e.g. {@code min.insync.replicas}
     * @return its value
     */
    public String topicConfig(String topic, String key) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await("describe the configuration of " + topic,
                admin().describeConfigs(List.of(resource)).all()).get(resource);
        return config.get(key).value();
    }

    /**
     * The node that leads a partition now.
     *
     * @param topic     the topic
     * @param partition the partition
     * @return the leading node, or empty while the partition has no leader
     */
    public Optional<Broker> leaderOf(String topic, int partition) {
        Node leader = partitions(topic).get(partition).leader();
        return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(broker(leader.id()));
    }

    /**
     * Waits until every partition of the topics has all its replicas in sync again (after a node came back).
     *
     * @param topics  the topics
     * @param timeout how long to wait
     * @throws IllegalStateException naming the partitions that are still short of replicas
     */
    public void awaitFullyInSync(Collection<String> topics, Duration timeout) {
        String[] report = {""};
        Waits.until("every replica of " + topics + " in sync", timeout, Duration.ofMillis(250), () -> {
            List<String> shortOfReplicas = new ArrayList<>();
            for (String topic : topics) {
                for (TopicPartitionInfo p : partitions(topic)) {
                    if (p.isr().size() < p.replicas().size()) {
                        shortOfReplicas.add(topic + "-" + p.partition() + " isr " + ids(p.isr()) + " of "
                                + ids(p.replicas()));
                    }
                }
            }
            report[0] = String.join(", ", shortOfReplicas);
            return shortOfReplicas.isEmpty();
        }, () -> "; still short of replicas: " + report[0]);
    }

    /** Closes the admin client and stops every node; their directories are kept for inspection. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        // Together, so that no node waits its stop timeout for a quorum the others already left.
        List<CompletableFuture<Void>> stops = brokers.stream()
                .map(broker -> CompletableFuture.runAsync(broker::close)).toList();
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public String toString() {
        return "KafkaCluster" + brokers;
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
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

    /** One node of the cluster: broker and controller in one child JVM. */
    public static final class Broker extends ServerProcess {
        private final int nodeId;
        private final int port;
        private final KafkaBrokerConfig config;
        private Admin admin;

        private Broker(int nodeId, int port, int controllerPort, String clusterId, String voters) {
            super("kafka-node" + nodeId, port);
            this.nodeId = nodeId;
            this.port = port;
            this.config = new KafkaBrokerConfig(port, controllerPort, directory(), clusterId, nodeId, voters,
                    REPLICATION_FACTOR, MIN_INSYNC_REPLICAS);
        }

        /**
         * The node id (1, 2 or 3), as Kafka's metadata names leaders and replicas.
         *
         * @return the id
         */
        public int nodeId() {
            return nodeId;
        }

        /**
         * This node's PLAINTEXT listener alone.
         *
         * @return {@code 127.0.0.1:<port>}
         */
        public String bootstrapServers() {
            return Ports.LOOPBACK + ":" + port;
        }

        @Override
        public synchronized void close() {
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
            // C1 only and the serial collector: three brokers on two shared cores spend less on compiling and GC
            // threads than they would gain from C2 at a test's load.
            List<String> jvm = List.of("-Xmx384m", "-Xms128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true",
                    "-Djava.net.preferIPv4Stack=true", "-Dlog4j2.configurationFile=" + config.log4jFile().toUri());
            return JavaCommand.of(directory().resolve("jvm.args"), jvm, "kafka.Kafka",
                    List.of(config.propertiesFile().toString()));
        }

        /**
         * Longer than a single broker's: the three JVMs start at once and a node is ready only after the quorum
         * elected a leader; on a two-core machine loaded by other builds the JVMs alone took 66 s to start.
         */
        @Override
        protected Duration startTimeout() {
            return Duration.ofSeconds(300);
        }

        /** Ready when this node, asked itself, counts itself among the live brokers (registered and caught up). */
        @Override
        protected boolean probeReady() throws Exception {
            if (!Ports.isAccepting(port, Duration.ofMillis(200))) {
                return false;
            }
            return ownAdmin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(3, TimeUnit.SECONDS).stream().anyMatch(node -> node.id() == nodeId);
        }

        private synchronized Admin ownAdmin() {
            if (admin == null) {
                admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                        AdminClientConfig.CLIENT_ID_CONFIG, "test-harness-node" + nodeId));
            }
            return admin;
        }
    }
}
