package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * A URL that does not lead to the write endpoint (a gateway answering 405 Method Not Allowed, or 404, to the write)
 * is the store being unavailable: the publisher pauses and retries, and nothing becomes a dead letter.
 */
@ExtendWith({KafkaExtension.class, QuestDbExtension.class})
class WrongEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aWriteEndpointAnswering405PausesThePublisherAndTheRecordLandsOnceTheStoreAnswers(KafkaBroker kafka,
            QuestDbServer questDb) throws IOException {
        // Given a publisher whose store URL leads to a gateway that answers 405 to writes
        StoreTables.create(questDb);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "endpoint-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        MeterHour record = KpiRecords.meterHour("m-" + run, Instant.parse("2025-06-01T10:00:00Z"), 4.25, 1);
        Gateway gateway = Gateway.start(questDb.httpUrl());
        try (RunningPublisher publisher = RunningPublisher.start(RunningPublisher.settings(kafka.bootstrapServers(),
                gateway.url(), prefix, Map.of()));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When a record arrives
            producer.sendValues(topics.meterHourly(), List.of(record), MeterHour::key);

            // Then the publisher pauses and retries, the store is not ready, and no dead letter is written
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(gateway.refused.get()).isGreaterThanOrEqualTo(2);
                assertThat(publisher.gauge(PublisherMetrics.PAUSED)).isEqualTo(1.0);
            });
            assertThat(publisher.context().health().results()).containsEntry("influxdb", false);
            assertThat(publisher.context().registry().find(PublisherMetrics.WRITE_ERRORS).tag("kind", "not_found")
                    .counter()).isNotNull();
            assertThat(publisher.counter(PublisherMetrics.DEAD_LETTERS)).isZero();

            // When the gateway passes writes on to the store
            gateway.forward.set(true);

            // Then the record is written once, and still nothing is a dead letter
            await().atMost(WAIT).untilAsserted(() -> {
                questDb.awaitWalApplied("meter_hourly", Duration.ofSeconds(30));
                assertThat(StoreTables.query(questDb, "meter_hourly",
                        "select count() c, sum(energy_kwh) e from meter_hourly where meter = 'm-" + run + "'"))
                        .containsExactly(Map.of("c", 1L, "e", 4.25));
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(publisher.gauge(PublisherMetrics.PAUSED)).isZero());
            assertThat(publisher.context().health().results()).containsEntry("influxdb", true);
            assertThat(publisher.counter(PublisherMetrics.DEAD_LETTERS)).isZero();
        } finally {
            gateway.server.stop(0);
        }
    }

    /** Answers 405 to every request until {@link #forward} is set, then passes requests on to the store. */
    private record Gateway(HttpServer server, String storeUrl, AtomicBoolean forward, AtomicInteger refused) {
        static Gateway start(String storeUrl) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            Gateway gateway = new Gateway(server, storeUrl, new AtomicBoolean(), new AtomicInteger());
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!forward.get()) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(storeUrl + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    request.header("Content-Type", type);
                }
                HttpResponse<byte[]> response;
                try {
                    response = HttpClient.newHttpClient().send(request.build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                byte[] answer = response.body();
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            }
        }
    }
}
