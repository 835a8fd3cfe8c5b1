/**
 * Real servers on loopback, without Docker, for the local stack ({@code ./straumflyt run}) and for tests: a Kafka 4 KRaft broker ({@link org.straumflyt.servers.KafkaBroker}),
 * Mosquitto ({@link org.straumflyt.servers.MosquittoBroker}) and QuestDB as the InfluxDB
 * stand-in ({@link org.straumflyt.servers.QuestDbServer}).
 *
 * <p>Each server is a child OS process listening on 127.0.0.1 only, with its configuration, data
 * and log in {@code target/test-servers/<name>-<port>/} (or under the directory named by the
 * system property {@code straumflyt.test.logs}). Java servers run in a child JVM with the test
 * classpath. A test may {@code kill()} (SIGKILL), {@code stop()} (SIGTERM), {@code start()} and
 * {@code restart()} a server; it comes back on the same ports with the same data.
 *
 * <p>Shared servers, one per test JVM, started on first use:
 * <pre>
 * &#64;ExtendWith({KafkaExtension.class, QuestDbExtension.class})   // or &#64;RealServers for all three
 * class PipelineIT {
 *     PipelineIT(KafkaBroker kafka) { ... }                      // constructor, &#64;BeforeAll or test parameters
 *
 *     &#64;Test
 *     void writesKpis(KafkaBroker kafka, QuestDbServer questdb) {
 *         kafka.createTopic("readings", 3, false);
 *         kafka.produce("readings", "meter-1", "{...}");
 *         ...
 *         questdb.awaitWalApplied("energy_kpi", Duration.ofSeconds(10));
 *         List&lt;Map&lt;String, Object&gt;&gt; rows = questdb.query("select * from energy_kpi");
 *     }
 *
 *     &#64;Test
 *     void survivesBrokerCrash(&#64;PrivateServer KafkaBroker kafka) {   // own broker, closed after the test
 *         kafka.kill();
 *         kafka.start();
 *     }
 * }
 * </pre>
 * Outside JUnit parameters: {@link org.straumflyt.servers.TestServers#kafka()},
 * {@code TestServers.mosquitto()}, {@code TestServers.questDb()}; private servers:
 * {@code KafkaBroker.startNew()}, {@code MosquittoBroker.startNew()},
 * {@code MosquittoBroker.builder().requireClientCertificate().credentials(user, password).start()},
 * {@code QuestDbServer.startNew()} (close them, e.g. with try-with-resources).
 *
 * <p>A replicated cluster, always private: {@link org.straumflyt.servers.KafkaCluster#startNew()} starts three
 * KRaft nodes (replication factor 3, {@code min.insync.replicas=2}); services take its
 * {@code bootstrapServers()} (every node), and a test kills and restarts single nodes:
 * <pre>
 * try (KafkaCluster kafka = KafkaCluster.startNew()) {
 *     KafkaCluster.Broker leader = kafka.leaderOf("readings", 0).orElseThrow();
 *     leader.kill();                                                // SIGKILL
 *     leader.start();                                               // same ports, same log directory
 *     kafka.awaitFullyInSync(List.of("readings"), Duration.ofMinutes(1));
 * }
 * </pre>
 */
package org.straumflyt.servers;
