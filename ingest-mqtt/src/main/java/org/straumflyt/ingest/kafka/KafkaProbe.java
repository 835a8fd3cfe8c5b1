package org.straumflyt.ingest.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.straumflyt.runtime.Health;

/** Tells whether Kafka answers, by asking the cluster for its nodes every few seconds (readiness "kafka"). */
public final class KafkaProbe implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int TIMEOUT_MS = 3_000;

    private final Admin admin;
    private final ScheduledExecutorService scheduler;
    private final String servers;
    private volatile boolean up;
    private volatile String lastError = "not asked yet";

    public KafkaProbe(Properties clientProperties) {
        this.servers = clientProperties.getProperty("bootstrap.servers");
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "straumflyt-ingest-probe");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        this.admin = Admin.create(p);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-kafka-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::probe, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean up() {
        return up;
    }

    /** Up while the cluster answers; down with the error of the last question. */
    public Health.Status status() {
        return up ? Health.Status.up("Kafka at " + servers + " answers")
                : Health.Status.down("Kafka at " + servers + " does not answer (" + lastError + ")");
    }

    private void probe() {
        try {
            up = !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).isEmpty();
            lastError = up ? null : "no brokers in the cluster";
        } catch (Exception e) {
            up = false;
            lastError = (e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e).toString();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
