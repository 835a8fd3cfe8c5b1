package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertCause;
import org.straumflyt.model.AlertEvent;
import org.straumflyt.model.AlertKey;
import org.straumflyt.model.AlertKind;
import org.straumflyt.model.AlertState;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Topics;
import org.straumflyt.model.wire.Json;
import org.straumflyt.publisher.notify.AlertNotifier;
import org.straumflyt.publisher.notify.Webhook;
import org.straumflyt.publisher.notify.WebhookSender;
import org.straumflyt.publisher.write.Backoff;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;

/**
 * The notifier against a real Kafka and a local HTTP receiver: only openings and closings are posted, each to the
 * hooks that want it, retried through server errors, and not again after a restart.
 */
@ExtendWith(KafkaExtension.class)
class NotifierTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant SINCE = Instant.parse("2026-11-20T23:00:00Z");

    private HttpServer receiver;
    /** Posts received, per path: body and Idempotency-Key. */
    private final Map<String, List<String[]>> posts = new ConcurrentHashMap<>();
    /** Statuses to answer before answering 200, per path. */
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Deque<Integer> fail = failures.get(path);
            Integer status = fail == null ? null : fail.poll();
            if (status == null) {
                status = 200;
                posts.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new String[] {
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key")});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static Alert alert(String building, BuildingCategory category, AlertKind kind, String meter,
            AlertState state, AlertEvent event, long revision) {
        return new Alert(building, "3201", category, kind, meter, state, event, SINCE,
                state == AlertState.CLOSED ? SINCE.plusSeconds(86_400 * 3) : null, 3, 5100.0, 4080.0, "kWh", 1020.0,
                25.0, null, AlertCause.HEATING, building + " used 1020 kWh (25 %) more than expected.", revision);
    }

    private List<String[]> at(String path) {
        return posts.getOrDefault(path, List.of());
    }

    private static final class Running implements AutoCloseable {
        final AlertNotifier notifier;
        final Thread thread;

        Running(AlertNotifier notifier) {
            this.notifier = notifier;
            this.thread = new Thread(notifier, "test-notifier");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            notifier.stop();
            thread.join(30_000);
        }
    }

    private Running notifier(KafkaBroker kafka, Topics topics, String group, List<Webhook> hooks) {
        var alerts = topics.alerts();
        KafkaConsumer<AlertKey, Alert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                alerts.keySerde().deserializer(), alerts.valueSerde().deserializer());
        WebhookSender sender = new WebhookSender(Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), 5);
        return new Running(new AlertNotifier(consumer, alerts.name(), hooks, sender, new SimpleMeterRegistry()));
    }

    @Test
    void shouldPostOpeningsAndClosingsToTheHooksThatWantThemOnceAcrossARestart(KafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = Topics.withPrefix("notify-" + run + ".");
        String group = "notify-" + run;
        List<Webhook> hooks = Webhook.parse("notify.webhooks", List.of("all=" + url("/all"),
                "schools=" + url("/schools"), "meters=" + url("/meters")), "notify.routes",
                List.of("schools:category=school+kindergarten", "meters:kind=meter_silent"));
        // the catch-all hook answers 503 twice before it takes the first post
        failures.put("/all", new ArrayDeque<>(List.of(503, 503)));
        Alert opened = alert("skole-1", BuildingCategory.SCHOOL, AlertKind.ENERGY_ABOVE_EXPECTED, null,
                AlertState.OPEN, AlertEvent.OPENED, 1);
        Alert updated = alert("skole-1", BuildingCategory.SCHOOL, AlertKind.ENERGY_ABOVE_EXPECTED, null,
                AlertState.OPEN, AlertEvent.UPDATED, 2);
        Alert silent = alert("kontor-1", BuildingCategory.OFFICE, AlertKind.METER_SILENT, "m9", AlertState.OPEN,
                AlertEvent.OPENED, 1);
        Alert closed = alert("skole-1", BuildingCategory.SCHOOL, AlertKind.ENERGY_ABOVE_EXPECTED, null,
                AlertState.CLOSED, AlertEvent.CLOSED, 3);

        try (KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            producer.sendValues(topics.alerts(), List.of(opened, updated, silent, closed), Alert::key);
            try (Running first = notifier(kafka, topics, group, hooks)) {
                // Then the catch-all hook gets the two openings and the closing, the update is told to no one
                await().atMost(WAIT).untilAsserted(() -> assertThat(at("/all")).hasSize(3));
                await().atMost(WAIT).untilAsserted(() -> assertThat(at("/schools")).hasSize(2));
                await().atMost(WAIT).untilAsserted(() -> assertThat(at("/meters")).hasSize(1));
            }
            // (keys may lie on different partitions: the order holds per key)
            List<String> all = at("/all").stream().map(p -> p[1]).toList();
            assertThat(all).containsExactlyInAnyOrder(opened.idempotencyKey(), silent.idempotencyKey(),
                    closed.idempotencyKey());
            assertThat(all.indexOf(opened.idempotencyKey())).isLessThan(all.indexOf(closed.idempotencyKey()));
            assertThat(at("/schools")).extracting(p -> p[1]).containsExactly(opened.idempotencyKey(),
                    closed.idempotencyKey());
            assertThat(at("/meters")).extracting(p -> p[1]).containsExactly(silent.idempotencyKey());
            JsonNode body = Json.mapper().readTree(at("/schools").get(0)[0]);
            assertThat(body.get("text").asText()).contains("energy above expected").contains(opened.summary());
            assertThat(body.get("title").asText()).isEqualTo("New finding: energy above expected at skole-1");
            assertThat(body.get("idempotencyKey").asText()).isEqualTo(opened.idempotencyKey());
            assertThat(Json.fromBytes(Json.toBytes(body.get("alert")), Alert.class)).isEqualTo(opened);
            assertThat(Json.mapper().readTree(at("/schools").get(1)[0]).get("text").asText()).startsWith("Closed: ");

            // When the notifier restarts in the same group and one more finding closes
            try (Running second = notifier(kafka, topics, group, hooks)) {
                Alert silentClosed = alert("kontor-1", BuildingCategory.OFFICE, AlertKind.METER_SILENT, "m9",
                        AlertState.CLOSED, AlertEvent.CLOSED, 2);
                producer.sendValues(topics.alerts(), List.of(silentClosed), Alert::key);
                await().atMost(WAIT).untilAsserted(() -> assertThat(at("/meters")).hasSize(2));
                await().atMost(WAIT).untilAsserted(() -> assertThat(at("/all")).hasSize(4));
                // Then only the new closing was posted: nothing handled before the restart came again
                assertThat(at("/all").get(3)[1]).isEqualTo(silentClosed.idempotencyKey());
                assertThat(at("/schools")).hasSize(2);
            }
        }
    }
}
