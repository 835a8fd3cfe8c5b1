package org.straumflyt.dashboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.dashboard.view.Viewer;

/**
 * Server-sent events: every interval, one read of the running hour from the store per kind of {@link Viewer} with an
 * open page, sent to each of its pages. At most two reads per interval however many pages are open, and none while
 * no page is.
 */
final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Function<Viewer, String> message;
    private final Map<HttpExchange, Viewer> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-live");
        t.setDaemon(true);
        return t;
    });

    /** {@code message} is the JSON of one event for a viewer; it may throw when the store does not answer. */
    LiveFeed(Function<Viewer, String> message, Duration interval) {
        this.message = message;
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the event stream of one page and sends it the current state at once. */
    void subscribe(HttpExchange exchange, Viewer viewer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        // Tell the browser how soon to reconnect after the dashboard restarts.
        exchange.getResponseBody().write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        clients.put(exchange, viewer);
        timer.execute(this::tick);
    }

    int clients() {
        return clients.size();
    }

    private void tick() {
        if (clients.isEmpty()) {
            return;
        }
        Map<Viewer, byte[]> events = new EnumMap<>(Viewer.class);
        for (Map.Entry<HttpExchange, Viewer> entry : clients.entrySet()) {
            HttpExchange client = entry.getKey();
            byte[] bytes = events.computeIfAbsent(entry.getValue(), this::event);
            try {
                OutputStream out = client.getResponseBody();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                clients.remove(client);
                client.close();
            }
        }
    }

    private byte[] event(Viewer viewer) {
        String event;
        try {
            event = "event: live\ndata: " + message.apply(viewer) + "\n\n";
        } catch (RuntimeException e) {
            LOG.warn("live feed: {}", e.getMessage());
            event = "event: unavailable\ndata: {}\n\n";
        }
        return event.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.keySet().forEach(HttpExchange::close);
        clients.clear();
    }
}
