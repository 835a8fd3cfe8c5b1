package org.straumflyt.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether any Kafka bootstrap server accepts a TCP connection, tried every few seconds. While none does, it logs one
 * line that says which servers and which setting to check — after {@link #FIRST_REPORT}, then every
 * {@link #REPEAT_REPORT} — in place of the Kafka clients' own connection warnings, several a second per client,
 * which each service's log4j2.xml silences (logger {@code org.apache.kafka.clients.NetworkClient} at ERROR, so that
 * authentication failures still show). Its {@link #status()} is the readiness check {@value #CHECK}.
 */
public final class KafkaConnectionWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnectionWatch.class);
    public static final String CHECK = "kafka-connection";
    static final Duration FIRST_REPORT = Duration.ofSeconds(10);
    static final Duration REPEAT_REPORT = Duration.ofSeconds(60);
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final List<String> servers;
    private final String setting;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Health.Status status;
    private Instant unreachableSince;
    private Instant reportedAt;

    /**
     * @param servers the bootstrap servers, {@code host:port} each
     * @param setting the environment variable that sets them, named in every report
     */
    KafkaConnectionWatch(List<String> servers, String setting, Clock clock) {
        this.servers = List.copyOf(servers);
        this.setting = setting;
        this.clock = clock;
        this.status = Health.Status.down("checking whether Kafka at " + servers() + " accepts connections");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-connection-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching the bootstrap servers of {@code config}. */
    public static KafkaConnectionWatch start(ServiceConfig config) {
        KafkaConnectionWatch watch = new KafkaConnectionWatch(config.getList(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS),
                ConfigSource.environmentName(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS), Clock.systemUTC());
        watch.scheduler.scheduleWithFixedDelay(watch::probe, 0, PROBE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Up while a bootstrap server accepts connections; down saying since when and why not. */
    public Health.Status status() {
        return status;
    }

    /** Tries each server once; returns whether it logged a report. One thread at a time. */
    synchronized boolean probe() {
        String error = firstReachable();
        Instant now = clock.instant();
        if (error == null) {
            if (reportedAt != null) {
                LOG.info("Kafka at {} accepts connections again after {} s", servers(), seconds(now));
            }
            unreachableSince = null;
            reportedAt = null;
            status = Health.Status.up("Kafka at " + servers() + " accepts connections");
            return false;
        }
        if (unreachableSince == null) {
            unreachableSince = now;
        }
        String report = "Kafka at " + servers() + " unreachable for " + seconds(now) + " s (" + error + "); check "
                + setting;
        status = Health.Status.down(report);
        boolean first = reportedAt == null && !now.isBefore(unreachableSince.plus(FIRST_REPORT));
        boolean again = reportedAt != null && !now.isBefore(reportedAt.plus(REPEAT_REPORT));
        if (first || again) {
            LOG.warn(report);
            reportedAt = now;
        }
        return first || again;
    }

    /** {@code null} when a server accepts a connection, else the last server's error. */
    private String firstReachable() {
        String error = "no server";
        for (String server : servers) {
            try (Socket socket = new Socket()) {
                socket.connect(address(server), CONNECT_TIMEOUT_MS);
                return null;
            } catch (IOException | IllegalArgumentException e) {
                error = server + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            }
        }
        return error;
    }

    private static InetSocketAddress address(String server) {
        String host = Utils.getHost(server);
        Integer port = Utils.getPort(server);
        if (host == null || port == null) {
            throw new IllegalArgumentException("not host:port");
        }
        return new InetSocketAddress(host, port);
    }

    private long seconds(Instant now) {
        return Duration.between(unreachableSince, now).toSeconds();
    }

    private String servers() {
        return String.join(",", servers);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
