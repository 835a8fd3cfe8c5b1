package org.straumflyt.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches a service's readings counter until every reading of the load has passed, e.g. ingest's
 * {@code straumflyt_ingest_readings_produced_total} (confirmed by Kafka) or the processor's
 * {@code straumflyt_processor_readings_total} (applied). Probe readings go through the same counters; everything
 * the probe has sent is taken off, so the moment found is never early. Scraping costs the scraped process CPU: a
 * scrape of the stream processor's /metrics (well over a thousand Kafka Streams series) takes it 20–80 ms of CPU,
 * so scraping it four times a second took a quarter of a core from the process under test.
 */
final class CounterProgress {
    private final String what;
    private final CompletableFuture<Double> done = new CompletableFuture<>();

    private CounterProgress(String what) {
        this.what = what;
    }

    /**
     * Starts watching {@code counter}, scraping every {@code scrapeMillis} ms (the resolution of the moment found);
     * {@code startNanos} is the moment of the first publish.
     */
    static CounterProgress watch(Metrics service, String counter, long readings, LatencyProbe probe,
            long startNanos, long scrapeMillis) {
        CounterProgress progress = new CounterProgress(counter);
        Thread thread = new Thread(() -> {
            while (!progress.done.isDone()) {
                try {
                    double fleet = service.sum(counter) - probe.readingsPublished();
                    if (fleet >= readings) {
                        progress.done.complete((System.nanoTime() - startNanos) / 1e9);
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(scrapeMillis);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // the next scrape may work
                }
            }
        }, "progress-" + counter);
        thread.setDaemon(true);
        thread.start();
        return progress;
    }

    /** Seconds from the first publish until every reading had passed. */
    double await(Duration timeout) throws Exception {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not count every reading within " + timeout, e);
        }
    }
}
