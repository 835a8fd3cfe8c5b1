package org.straumflyt.dashboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events: every interval, one read of the running hour from the store, sent to every open page. One
 * read per interval however many pages are open, and none while no page is.
 */
final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Supplier<String> message;
    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-live");
        t.setDaemon(true);
        return t;
    });

    /** {@code message} is the JSON of one event; it may throw when the store does not answer. */
    LiveFeed(Supplier<String> message, Duration interval) {
        this.message = message;
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the event stream of one page and sends it the current state at once. */
    void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        // Tell the browser how soon to reconnect after the dashboard restarts.
        exchange.getResponseBody().write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        clients.add(exchange);
        timer.execute(this::tick);
    }

    int clients() {
        return clients.size();
    }

    private void tick() {
        if (clients.isEmpty()) {
            return;
        }
        String event;
        try {
            event = "event: live\ndata: " + message.get() + "\n\n";
        } catch (RuntimeException e) {
            LOG.warn("live feed: {}", e.getMessage());
            event = "event: unavailable\ndata: {}\n\n";
        }
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (HttpExchange client : clients) {
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

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(HttpExchange::close);
        clients.clear();
    }
}
