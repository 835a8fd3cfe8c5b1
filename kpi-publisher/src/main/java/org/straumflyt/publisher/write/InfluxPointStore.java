package org.straumflyt.publisher.write;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.Bucket;
import com.influxdb.client.domain.Organization;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import com.influxdb.exceptions.InfluxException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.straumflyt.publisher.layout.KpiPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes points through influxdb-client-java's blocking write API ({@code POST /api/v2/write}, second precision).
 * The blocking API does not retry by itself; the publisher decides what to do with each {@link WriteResult}.
 */
public final class InfluxPointStore implements PointStore {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxPointStore.class);

    private final InfluxDBClient client;
    private final WriteApiBlocking writeApi;
    private final String bucket;
    private final String org;
    private final String writeUrl;

    /**
     * @param url     base URL, e.g. {@code http://localhost:8086}
     * @param token   API token, may be empty (QuestDB and open InfluxDB 1.8 need none)
     * @param org     organisation
     * @param bucket  bucket
     * @param timeout connect, read and write timeout of a request
     * @param gzip    whether to compress requests
     */
    public InfluxPointStore(String url, char[] token, String org, String bucket, Duration timeout, boolean gzip) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false);
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
                .url(url)
                .org(org)
                .bucket(bucket)
                .okHttpClient(http);
        if (token != null && token.length > 0) {
            options.authenticateToken(token);
        }
        this.client = InfluxDBClientFactory.create(options.build());
        if (gzip) {
            client.enableGzip();
        }
        this.writeApi = client.getWriteApiBlocking();
        this.bucket = bucket;
        this.org = org;
        this.writeUrl = url.replaceAll("/+$", "") + "/api/v2/write";
    }

    @Override
    public WriteResult write(List<KpiPoint> points) {
        try {
            writeApi.writePoints(bucket, org, toPoints(points));
            return new WriteResult.Accepted();
        } catch (InfluxException e) {
            return failure(e);
        } catch (RuntimeException e) {
            return new WriteResult.Failed(FailureKind.UNREACHABLE, 0, e.toString(), null);
        }
    }

    @Override
    public boolean ping() {
        try {
            return client.ping();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Creates the bucket when it does not exist (InfluxDB 2 API). Logs and goes on when it cannot. */
    public void createBucketIfMissing() {
        try {
            if (client.getBucketsApi().findBucketByName(bucket) != null) {
                return;
            }
            Optional<Organization> organization = client.getOrganizationsApi().findOrganizations().stream()
                    .filter(o -> o.getName().equals(org))
                    .findFirst();
            if (organization.isEmpty()) {
                LOG.warn("cannot create bucket {}: organisation {} not found", bucket, org);
                return;
            }
            Bucket created = client.getBucketsApi().createBucket(bucket, organization.get());
            LOG.info("created bucket {} (id {}) in organisation {}", bucket, created.getId(), org);
        } catch (RuntimeException e) {
            LOG.warn("cannot check or create bucket {}: {}", bucket, e.toString());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    static List<Point> toPoints(List<KpiPoint> points) {
        List<Point> result = new ArrayList<>(points.size());
        for (KpiPoint p : points) {
            result.add(toPoint(p));
        }
        return result;
    }

    static Point toPoint(KpiPoint p) {
        Point point = Point.measurement(p.measurement()).addTags(p.tags());
        for (Map.Entry<String, Object> field : p.fields().entrySet()) {
            Object value = field.getValue();
            if (value instanceof Double d) {
                point.addField(field.getKey(), d.doubleValue());
            } else if (value instanceof Long l) {
                point.addField(field.getKey(), l.longValue());
            } else if (value instanceof Boolean b) {
                point.addField(field.getKey(), b.booleanValue());
            } else {
                point.addField(field.getKey(), String.valueOf(value));
            }
        }
        return point.time(p.time().getEpochSecond(), WritePrecision.S);
    }

    private WriteResult.Failed failure(InfluxException e) {
        int status = e.status();
        FailureKind kind = status == 0 ? networkKind(e) : FailureKind.ofStatus(status);
        return new WriteResult.Failed(kind, status, detail(e, kind), retryAfter(e.headers()));
    }

    /** The server's message; for a wrong endpoint, which often answers without one, what to check. */
    private String detail(InfluxException e, FailureKind kind) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + e.status() : e.getMessage();
        if (kind == FailureKind.NOT_FOUND) {
            return message + " from " + writeUrl + ": check influx.url (the server's base URL, no path), "
                    + "influx.org and influx.bucket";
        }
        return message;
    }

    private static FailureKind networkKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return FailureKind.TIMEOUT;
            }
        }
        return FailureKind.UNREACHABLE;
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare for APIs and ignored). */
    static Duration retryAfter(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase("Retry-After")) {
                try {
                    long seconds = Long.parseLong(header.getValue().trim());
                    return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
