package org.straumflyt.publisher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.straumflyt.publisher.notify.Webhook;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.straumflyt.runtime.ConfigValidators;
import org.straumflyt.runtime.ServiceConfig;

/**
 * Configuration of the KPI publisher: the common service keys plus the InfluxDB connection, the consumer group,
 * batching and retry. The token is a {@link Type#PASSWORD}: Kafka's config logging and {@code --help} hide it; set it
 * with {@code STRAUMFLYT_INFLUX_TOKEN} or, better, {@code STRAUMFLYT_INFLUX_TOKEN_FILE}.
 */
public final class PublisherConfig extends ServiceConfig {
    public static final int DEFAULT_HTTP_PORT = 8083;

    public static final String INFLUX_URL = "influx.url";
    public static final String INFLUX_TOKEN = "influx.token";
    public static final String INFLUX_ORG = "influx.org";
    public static final String INFLUX_BUCKET = "influx.bucket";
    public static final String INFLUX_BUCKET_CREATE = "influx.bucket.create";
    public static final String INFLUX_TIMEOUT_MS = "influx.timeout.ms";
    public static final String INFLUX_GZIP = "influx.gzip";
    public static final String GROUP_ID = "group.id";
    public static final String BATCH_SIZE = "batch.size";
    public static final String BATCH_LINGER_MS = "batch.linger.ms";
    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String NOTIFY_WEBHOOKS = "notify.webhooks";
    public static final String NOTIFY_ROUTES = "notify.routes";
    public static final String NOTIFY_MAX_ATTEMPTS = "notify.max.attempts";
    public static final String NOTIFY_TIMEOUT_MS = "notify.timeout.ms";

    public PublisherConfig(Map<String, String> values) {
        super(definition(), values);
        webhooks();
        if (getInt(RETRY_BACKOFF_MAX_MS) < getInt(RETRY_BACKOFF_INITIAL_MS)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, getInt(RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RETRY_BACKOFF_INITIAL_MS + " (" + getInt(RETRY_BACKOFF_INITIAL_MS) + ")");
        }
    }

    public static ConfigDef definition() {
        return base(DEFAULT_HTTP_PORT)
                .define(INFLUX_URL, Type.STRING, "http://localhost:8086",
                        ConfigValidators.uri(List.of("http", "https"), false, "http://localhost:8086"),
                        Importance.HIGH, "Base URL of the InfluxDB v2 write API (InfluxDB 2.x, 3.x, 1.8+ or any "
                                + "compatible server), without a path: the publisher adds /api/v2/write. A URL with a path "
                                + "(http://host:8086/api/v2) stops the publisher at start with exit code 2.")
                .define(INFLUX_TOKEN, Type.PASSWORD, "", Importance.HIGH,
                        "API token; for InfluxDB 1.8 'user:password'. Never logged. Prefer "
                                + "STRAUMFLYT_INFLUX_TOKEN_FILE pointing at a secret file.")
                .define(INFLUX_ORG, Type.STRING, "straumflyt", Importance.HIGH,
                        "Organisation the bucket belongs to (ignored by InfluxDB 1.8 and 3).")
                .define(INFLUX_BUCKET, Type.STRING, "kpi", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Bucket (InfluxDB 3: database; 1.8: database/retention-policy) the points go to.")
                .define(INFLUX_BUCKET_CREATE, Type.BOOLEAN, false, Importance.LOW,
                        "Create the bucket at start when it is missing (InfluxDB 2 only; needs a token that may).")
                .define(INFLUX_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.MEDIUM,
                        "Connect, read and write timeout of one write request, ms. A timeout counts as the store "
                                + "being unavailable: the batch is retried.")
                .define(INFLUX_GZIP, Type.BOOLEAN, false, Importance.LOW,
                        "Compress write requests with gzip (InfluxDB 2 and 3 accept it).")
                .define(GROUP_ID, Type.STRING, "straumflyt-kpi-publisher", new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM, "Kafka consumer group of all publisher instances.")
                .define(BATCH_SIZE, Type.INT, 5_000, Range.between(1, 100_000), Importance.MEDIUM,
                        "Points per write request; also bounds the memory held while the store is down.")
                .define(BATCH_LINGER_MS, Type.INT, 250, Range.between(0, 600_000), Importance.MEDIUM,
                        "Longest time a point waits for its batch to fill before it is written, ms.")
                .define(RETRY_BACKOFF_INITIAL_MS, Type.INT, 500, Range.atLeast(1), Importance.LOW,
                        "First pause before a failed write is retried, ms; doubled on every further failure.")
                .define(RETRY_BACKOFF_MAX_MS, Type.INT, 30_000, Range.atLeast(1), Importance.LOW,
                        "Longest pause between retries, ms (a longer Retry-After from the server is honoured).")
                .define(NOTIFY_WEBHOOKS, Type.LIST, "", Importance.MEDIUM,
                        "Webhooks that are told of each opened and closed finding on the alerts topic, as name=url, "
                                + "e.g. 'energy=https://hooks.slack.com/services/T0/B0/x'. Empty: no notifier runs. It "
                                + "consumes as group <group.id>-notify (docs/FOLLOW-UP.md).")
                .define(NOTIFY_ROUTES, Type.LIST, "", Importance.MEDIUM,
                        "Which findings a webhook gets, as name:field=value[+value], field municipality, category "
                                + "or kind, e.g. 'schools:category=school+kindergarten,ops:kind=meter_silent'. A "
                                + "webhook with routes gets the findings that match any of them; one without, all.")
                .define(NOTIFY_MAX_ATTEMPTS, Type.INT, 8, Range.atLeast(1), Importance.LOW,
                        "Posts of one finding to one webhook before the notifier gives up on it (retried on "
                                + "timeouts, connection failures, 408, 429 and 5xx, with the retry.backoff pauses).")
                .define(NOTIFY_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
                        "Connect and response timeout of one webhook post, ms.");
    }

    /** The webhooks findings are posted to (none: no notifier). */
    public List<Webhook> webhooks() {
        return Webhook.parse(NOTIFY_WEBHOOKS, getList(NOTIFY_WEBHOOKS), NOTIFY_ROUTES, getList(NOTIFY_ROUTES));
    }

    public int notifyMaxAttempts() {
        return getInt(NOTIFY_MAX_ATTEMPTS);
    }

    public Duration notifyTimeout() {
        return Duration.ofMillis(getInt(NOTIFY_TIMEOUT_MS));
    }

    public String influxUrl() {
        return getString(INFLUX_URL);
    }

    /** The token; keep it in this {@link Password} until the client needs it. */
    public Password influxToken() {
        return getPassword(INFLUX_TOKEN);
    }

    public String influxOrg() {
        return getString(INFLUX_ORG);
    }

    public String influxBucket() {
        return getString(INFLUX_BUCKET);
    }

    public boolean createBucket() {
        return getBoolean(INFLUX_BUCKET_CREATE);
    }

    public Duration influxTimeout() {
        return Duration.ofMillis(getInt(INFLUX_TIMEOUT_MS));
    }

    public boolean gzip() {
        return getBoolean(INFLUX_GZIP);
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public Duration batchLinger() {
        return Duration.ofMillis(getInt(BATCH_LINGER_MS));
    }

    public Duration retryBackoffInitial() {
        return Duration.ofMillis(getInt(RETRY_BACKOFF_INITIAL_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getInt(RETRY_BACKOFF_MAX_MS));
    }
}
