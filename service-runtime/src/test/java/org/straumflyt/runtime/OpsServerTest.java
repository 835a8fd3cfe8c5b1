package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean kafkaUp = new AtomicBoolean(true);
    private ServiceContext context;
    private OpsServer server;

    @BeforeEach
    void start() {
        context = ServiceContext.create("test-service");
        context.health().check("kafka", () -> kafkaUp.get() ? Health.Status.up("Kafka answers")
                : Health.Status.down("Kafka at 127.0.0.1:9 does not answer"));
        context.registry().counter("straumflyt.test.events").increment(3);
        server = OpsServer.start("test-service", "127.0.0.1", 0, context.health(), context.registry());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyWhileEveryCheckPasses() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"service\":\"test-service\",\"status\":\"UP\",\"live\":true,"
                + "\"ready\":true,\"checks\":{\"kafka\":{\"status\":\"UP\",\"reason\":\"Kafka answers\"}}}");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void notReadyButStillLiveWhenACheckFails() throws Exception {
        kafkaUp.set(false);

        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("\"status\":\"DOWN\"",
                "\"kafka\":{\"status\":\"DOWN\",\"reason\":\"Kafka at 127.0.0.1:9 does not answer\"}");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceWhoseChecksAreNotRegisteredYetIsNotReady() throws Exception {
        Health starting = new Health();
        try (OpsServer early = OpsServer.start("early", "127.0.0.1", 0, starting, context.registry())) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + early.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void whileStartingItSaysWhatItWaitsFor() throws Exception {
        context.health().starting();
        context.health().waitingFor("Kafka at 127.0.0.1:9 to create topics");

        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"startup\":{\"status\":\"DOWN\","
                + "\"reason\":\"waiting for Kafka at 127.0.0.1:9 to create topics\"}");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);

        context.health().started();
        context.health().waitingFor("nothing: it has started");

        assertThat(get("/health").body()).doesNotContain("startup");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aCheckThatThrowsIsDownWithTheException() throws Exception {
        context.health().check("store", () -> {
            throw new IllegalStateException("no route to host");
        });

        assertThat(get("/health").body())
                .contains("\"store\":{\"status\":\"DOWN\",\"reason\":\"check failed: "
                        + "java.lang.IllegalStateException: no route to host\"}");
    }

    @Test
    void notLiveAfterAFatalFailure() throws Exception {
        context.health().fail("stream thread died: \"boom\"");

        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("stream thread died: \\\"boom\\\"");
    }

    @Test
    void metricsArePrometheusTextWithTheServiceTag() throws Exception {
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("straumflyt_test_events_total{service=\"test-service\"} 3.0")
                .contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
