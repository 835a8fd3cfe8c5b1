package org.straumflyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.straumflyt.model.wire.Json;

/**
 * Measures the latency from MQTT publish to the KPI being queryable in the store while the load runs. A client of
 * its own publishes, every {@code interval}, a canonical register reading of a dedicated probe meter, and polls the
 * store's SQL endpoint until that meter's hour shows the energy the reading adds.
 *
 * <p>The probe readings are stamped one second apart within one hour (the hour before the current one, so never in
 * the future and far inside the processor's lateness horizon), and each adds {@value #STEP_KWH} kWh to the
 * register. So after probe {@code k} the hour's energy is exactly {@code k · 0.01} kWh (probe 0 is the baseline and
 * is not measured). A probe counts as queryable at the first poll whose answer is at least its energy; probes are
 * measured independently, so a slow one does not hold back the next.
 */
final class LatencyProbe implements AutoCloseable {
    static final double STEP_KWH = 0.01;
    /** Hundredths of a kWh at the first probe, kWh · 100. */
    private static final long BASE_HUNDREDTHS = 100_000;
    private static final int MAX_PROBES = 3_600;
    private static final double TOLERANCE_KWH = 1e-6;

    private final MqttClient client;
    private final String topic;
    private final String query;
    private final Instant hour;
    private final String store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "latency-probe");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<Pending> pending = new ConcurrentLinkedDeque<>();
    /** Publish-to-queryable latency, µs, up to 10 minutes with 3 significant digits. */
    private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    /** The same for the probes published after the warm-up: the services start cold (JIT, first transactions). */
    private final Histogram steadyMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private volatile long steadyFromNanos = Long.MAX_VALUE;
    private volatile boolean probing = true;
    private long next = 1;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    private record Pending(long probe, double energyKwh, long publishedNanos) {
    }

    /**
     * @param mqttUri  the broker the load goes to
     * @param storeUrl QuestDB's HTTP endpoint
     * @param run      makes the probe meter's id unique
     */
    LatencyProbe(String mqttUri, String storeUrl, String run) throws MqttException {
        String meter = "probe-" + run;
        this.topic = "straumflyt/readings/probe/" + meter;
        this.hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        this.store = storeUrl;
        this.query = "SELECT energy_kwh FROM meter_hourly WHERE meter = '" + meter + "' AND register = 'import' "
                + "AND time = '" + hour + "'";
        this.client = new MqttClient(mqttUri, "bench-" + meter, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
    }

    /**
     * Publishes the baseline reading, then a probe every {@code interval}, and polls every {@code poll}; probes
     * published later than {@code warmUp} from now are also counted in {@link #steadyMicros()}.
     */
    void start(Duration interval, Duration poll, Duration warmUp) throws MqttException {
        steadyFromNanos = System.nanoTime() + warmUp.toNanos();
        publish(0);
        timers.scheduleAtFixedRate(this::nextProbe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops publishing probes; the ones sent keep being polled. */
    void stopProbing() {
        probing = false;
    }

    /** Waits until every probe sent has been seen in the store, up to {@code timeout}; returns those not seen. */
    long awaitOutstanding(Duration timeout) throws InterruptedException {
        stopProbing();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return pending.size();
    }

    Histogram latencyMicros() {
        synchronized (latencyMicros) {
            return latencyMicros.copy();
        }
    }

    /** Latencies of the probes published after the warm-up, µs. */
    Histogram steadyMicros() {
        synchronized (latencyMicros) {
            return steadyMicros.copy();
        }
    }

    /** Readings the probe has published or is publishing, the baseline included. */
    long readingsPublished() {
        return published.get();
    }

    /** Failed polls of the store (connection errors, non-200 answers) and failed publishes. */
    long errors() {
        return errors.get();
    }

    private void nextProbe() {
        if (!probing || next > MAX_PROBES) {
            return;
        }
        try {
            publish(next++);
        } catch (MqttException e) {
            errors.incrementAndGet();
        }
    }

    private void publish(long probe) throws MqttException {
        double register = (BASE_HUNDREDTHS + probe) / 100.0;
        String json = "{\"register\":\"import\",\"kind\":\"ENERGY_REGISTER\",\"value\":" + register
                + ",\"unit\":\"kWh\",\"timestamp\":\"" + hour.plusSeconds(probe) + "\",\"carrier\":\"electricity\"}";
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        published.incrementAndGet();
        long publishedNanos = System.nanoTime();
        if (probe > 0) {
            pending.add(new Pending(probe, probe * STEP_KWH, publishedNanos));
        }
        client.publish(topic, message);
    }

    private void poll() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            double energy = storedEnergy();
            long seenNanos = System.nanoTime();
            for (Pending p = pending.peekFirst(); p != null && p.energyKwh() <= energy + TOLERANCE_KWH;
                    p = pending.peekFirst()) {
                pending.pollFirst();
                long micros = Math.min(latencyMicros.getHighestTrackableValue(),
                        TimeUnit.NANOSECONDS.toMicros(seenNanos - p.publishedNanos()));
                synchronized (latencyMicros) {
                    latencyMicros.recordValue(micros);
                    if (p.publishedNanos() >= steadyFromNanos) {
                        steadyMicros.recordValue(micros);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The probe hour's energy in the store, kWh; -1 while it has no row. */
    private double storedEnergy() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(store + "/exec?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("store answered " + response.statusCode());
        }
        JsonNode dataset = Json.mapper().readTree(response.body()).path("dataset");
        return dataset.isEmpty() ? -1 : dataset.get(0).get(0).asDouble();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // The broker is going away with the benchmark.
        }
    }
}
