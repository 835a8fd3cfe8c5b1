package org.straumflyt.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.straumflyt.model.wire.Json;

/**
 * The operations endpoint of a service:
 * <ul>
 *   <li>{@code GET /health/live} — 200 while the service is live, else 503;</li>
 *   <li>{@code GET /health/ready} — 200 when every readiness check passes, else 503;</li>
 *   <li>{@code GET /health} — the same as ready, with every check, its status and reason in a JSON body
 *   (see {@link #healthJson});</li>
 *   <li>{@code GET /metrics} — Prometheus text format.</li>
 * </ul>
 */
public final class OpsServer implements AutoCloseable {
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";
    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one). */
    public static OpsServer start(String service, String host, int port, Health health,
            PrometheusMeterRegistry registry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/health/live", ex -> respond(ex, health.live() ? 200 : 503, "application/json",
                    "{\"live\":" + health.live() + "}"));
            server.createContext("/health/ready", ex -> respond(ex, health.ready() ? 200 : 503, "application/json",
                    "{\"ready\":" + health.ready() + "}"));
            server.createContext("/health", ex -> respond(ex, health.ready() ? 200 : 503, "application/json",
                    healthJson(service, health)));
            server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape()));
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, service + "-ops-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new OpsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /health and /metrics on " + host + ":" + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * The body of {@code /health}: the overall status, liveness, readiness and every check with its status and
     * reason (the shape of Spring Boot Actuator and MicroProfile Health), and the failure that ended liveness.
     */
    static String healthJson(String service, Health health) {
        Map<String, Health.Status> statuses = health.statuses();
        Map<String, CheckBody> checks = new LinkedHashMap<>();
        statuses.forEach((name, status) -> checks.put(name, new CheckBody(status.up() ? UP : DOWN, status.reason())));
        boolean ready = health.ready(statuses);
        return Json.toString(new HealthBody(service, ready ? UP : DOWN, health.live(), ready, checks,
                health.failure()));
    }

    private record HealthBody(String service, String status, boolean live, boolean ready,
            Map<String, CheckBody> checks, String failure) {
    }

    private record CheckBody(String status, String reason) {
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
