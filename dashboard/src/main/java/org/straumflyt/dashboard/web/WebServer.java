package org.straumflyt.dashboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.dashboard.store.StoreException;
import org.straumflyt.dashboard.view.BuildingDetail;
import org.straumflyt.dashboard.view.DashboardQueries;
import org.straumflyt.dashboard.view.Viewer;
import org.straumflyt.model.wire.Json;

/**
 * The dashboard's web server: the page (static files from the jar, no build step), its JSON API and the live
 * event stream.
 * <ul>
 *   <li>{@code GET /}, {@code GET /building/<id>} and {@code GET /municipality} — the page; it renders the route
 *       itself;</li>
 *   <li>{@code GET /assets/<file>} — its scripts, styles;</li>
 *   <li>{@code GET /api/portfolio}, {@code GET /api/buildings/<id>}, {@code GET /api/municipalities} — JSON;</li>
 *   <li>{@code GET /api/settings} — what the page needs to know of the configuration (the map's tile server);</li>
 *   <li>{@code GET /api/live} — server-sent events with the running hour.</li>
 * </ul>
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String RESOURCES = "/org/straumflyt/dashboard/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "json", "application/json");
    /**
     * Everything from this origin only: a page that loads nothing from elsewhere (but the map's tiles, when a tile
     * server is configured), and no inline script.
     */
    private static final String CSP = "default-src 'self'; img-src 'self' data:%s; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The project's JSON setup, with nulls written: the API documents {@code null} for "no data". */
    private static final ObjectMapper JSON = Json.mapperWithNulls();

    private final HttpServer server;
    private final ExecutorService executor;
    private final LiveFeed live;
    private final DashboardQueries queries;
    private final Counter storeErrors;
    private final PersonalDataAccess access;
    private final MapTiles tiles;
    private final String csp;

    private WebServer(HttpServer server, ExecutorService executor, LiveFeed live, DashboardQueries queries,
            Counter storeErrors, PersonalDataAccess access, MapTiles tiles) {
        this.server = server;
        this.executor = executor;
        this.live = live;
        this.queries = queries;
        this.storeErrors = storeErrors;
        this.access = access;
        this.tiles = tiles;
        this.csp = String.format(CSP, tiles.enabled() ? " " + tiles.origin() : "");
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one); nobody is cleared for personal data, and the map
     * has no tile server.
     */
    public static WebServer start(String host, int port, DashboardQueries queries, Duration liveInterval,
            MeterRegistry registry) {
        return start(host, port, queries, liveInterval, PersonalDataAccess.NOBODY, MapTiles.NONE, registry);
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one); {@code access} says which requests see the
     * figures of buildings with personal data, {@code tiles} is the map's background.
     */
    public static WebServer start(String host, int port, DashboardQueries queries, Duration liveInterval,
            PersonalDataAccess access, MapTiles tiles, MeterRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on " + host + ":" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dashboard-http");
            t.setDaemon(true);
            return t;
        });
        LiveFeed live = new LiveFeed(viewer -> json(queries.live(viewer)), liveInterval);
        Counter storeErrors = Counter.builder("straumflyt_dashboard_store_errors")
                .description("API requests the store could not answer").register(registry);
        WebServer web = new WebServer(server, executor, live, queries, storeErrors, access, tiles);
        Gauge.builder("straumflyt_dashboard_live_clients", live, LiveFeed::clients)
                .description("pages with an open live feed").register(registry);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
            return;
        }
        Viewer viewer = access.viewer(exchange.getRequestHeaders());
        try {
            if (path.equals("/api/live")) {
                live.subscribe(exchange, viewer);
                return;
            }
            if (path.equals("/api/portfolio")) {
                send(exchange, 200, TYPES.get("json"), json(queries.portfolio(viewer)));
            } else if (path.equals("/api/settings")) {
                send(exchange, 200, TYPES.get("json"), json(Map.of("map", tiles)));
            } else if (path.equals("/api/municipalities")) {
                send(exchange, 200, TYPES.get("json"), json(queries.municipalities()));
            } else if (path.startsWith("/api/buildings/")) {
                String id = URLDecoder.decode(path.substring("/api/buildings/".length()), StandardCharsets.UTF_8);
                Optional<BuildingDetail> detail = queries.building(id, viewer);
                if (detail.isPresent()) {
                    send(exchange, 200, TYPES.get("json"), json(detail.get()));
                } else {
                    send(exchange, 404, TYPES.get("json"), "{\"error\":\"no building " + escape(id) + "\"}");
                }
            } else if (path.equals("/") || path.startsWith("/building/") || path.equals("/municipality")) {
                resource(exchange, "index.html");
            } else if (path.startsWith("/assets/") && path.matches("/assets/[a-z0-9-]+\\.[a-z]+")) {
                resource(exchange, path.substring("/assets/".length()));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        } catch (StoreException e) {
            storeErrors.increment();
            LOG.warn("{}: {}", path, e.getMessage());
            send(exchange, 503, TYPES.get("json"), "{\"error\":\"the KPI store does not answer\"}");
        } catch (RuntimeException e) {
            LOG.error("{} failed", path, e);
            send(exchange, 500, "text/plain; charset=utf-8", "internal error");
        }
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(RESOURCES + name)) {
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            if (in == null || type == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
                return;
            }
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Content-Security-Policy", csp);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String escape(String text) {
        return json(text).replaceAll("^\"|\"$", "");
    }
}
