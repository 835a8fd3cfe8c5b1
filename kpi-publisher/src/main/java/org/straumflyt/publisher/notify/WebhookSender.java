package org.straumflyt.publisher.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Alert;
import org.straumflyt.publisher.write.Backoff;

/**
 * Posts a finding to one webhook, retrying with backoff: a 2xx is delivered; a 408, 429 or 5xx answer, a timeout or
 * a connection failure is retried (a {@code Retry-After} in seconds is honoured) until {@code maxAttempts}; any other
 * answer is refused for good (a wrong url or payload does not get better by retrying). Each post carries the
 * finding's idempotency key as the {@code Idempotency-Key} header, so a receiver can drop a repeat.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** How a delivery ended. */
    public enum Outcome { DELIVERED, REFUSED, GAVE_UP, STOPPED }

    private final HttpClient client;
    private final Duration timeout;
    private final Backoff backoff;
    private final int maxAttempts;

    public WebhookSender(Duration timeout, Backoff backoff, int maxAttempts) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** Posts {@code alert} to {@code hook}; {@code running} false stops the retries. */
    public Outcome send(Webhook hook, Alert alert, BooleanSupplier running) {
        HttpRequest request = HttpRequest.newBuilder(hook.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", alert.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Notification.body(alert))).build();
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            String failure;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Outcome.DELIVERED;
                }
                failure = "HTTP " + status;
                if (status != 408 && status != 429 && status / 100 != 5) {
                    LOG.error("webhook {} refused {} with {}: {}; not retried", hook.name(), alert.idempotencyKey(),
                            failure, response.body());
                    return Outcome.REFUSED;
                }
                retryAfter = response.headers().firstValue("Retry-After").map(WebhookSender::seconds).orElse(null);
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.STOPPED;
            }
            if (attempt >= maxAttempts) {
                LOG.error("webhook {} failed {} times for {} ({}); giving up", hook.name(), attempt,
                        alert.idempotencyKey(), failure);
                return Outcome.GAVE_UP;
            }
            Duration delay = backoff.delay(attempt, retryAfter);
            LOG.warn("webhook {} failed for {} ({}); retry {} in {}", hook.name(), alert.idempotencyKey(), failure,
                    attempt, delay);
            long until = System.nanoTime() + delay.toNanos();
            while (System.nanoTime() < until) {
                if (!running.getAsBoolean()) {
                    return Outcome.STOPPED;
                }
                try {
                    Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Outcome.STOPPED;
                }
            }
        }
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
