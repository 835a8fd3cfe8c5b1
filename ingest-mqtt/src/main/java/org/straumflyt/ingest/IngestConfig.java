package org.straumflyt.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.ingest.route.RouteTable;
import org.straumflyt.ingest.route.TopicFilter;
import org.straumflyt.ingest.route.TopicTemplate;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.runtime.ConfigValidators;
import org.straumflyt.runtime.KnownKeys;
import org.straumflyt.runtime.ReadingRulesConfig;
import org.straumflyt.runtime.ServiceConfig;

/** Configuration of ingest-mqtt: the shared keys plus MQTT connection, routes and input limits. */
public final class IngestConfig extends ServiceConfig {
    public static final int DEFAULT_HTTP_PORT = 8081;

    public static final String MQTT_SERVER_URI = "mqtt.server.uri";
    public static final String MQTT_CLIENT_ID = "mqtt.client.id";
    public static final String MQTT_USERNAME = "mqtt.username";
    public static final String MQTT_PASSWORD = "mqtt.password";
    // Paths end in ".location", not ".file": an environment variable ending in _FILE names a secret file to read.
    public static final String MQTT_TLS_CA_LOCATION = "mqtt.tls.ca.location";
    public static final String MQTT_TLS_CERT_LOCATION = "mqtt.tls.cert.location";
    public static final String MQTT_TLS_KEY_LOCATION = "mqtt.tls.key.location";
    public static final String MQTT_SESSION_EXPIRY_SECONDS = "mqtt.session.expiry.seconds";
    public static final String MQTT_RECEIVE_MAXIMUM = "mqtt.receive.maximum";
    public static final String MQTT_KEEP_ALIVE_SECONDS = "mqtt.keep.alive.seconds";
    public static final String MQTT_RECONNECT_MAX_DELAY_SECONDS = "mqtt.reconnect.max.delay.seconds";
    public static final String MQTT_REPLAY_WINDOW_SECONDS = "mqtt.replay.window.seconds";
    public static final String MQTT_SHARED_GROUP = "mqtt.shared.group";
    public static final String MQTT_MAX_PAYLOAD_BYTES = "mqtt.max.payload.bytes";
    public static final String READING_MAX_FUTURE_SECONDS = "reading.max.future.seconds";
    public static final String MESSAGE_MAX_READINGS = "message.max.readings";
    public static final String MESSAGE_MAX_METERS = "message.max.meters";
    public static final String READY_MAX_UNACKNOWLEDGED_SECONDS = "ready.max.unacknowledged.seconds";
    public static final String SHUTDOWN_TIMEOUT_SECONDS = "shutdown.timeout.seconds";
    public static final String ROUTES = "routes";

    public static final String DEFAULT_ROUTE = "canonical";
    public static final String DEFAULT_ROUTE_FILTER = "straumflyt/readings/#";
    public static final String DEFAULT_ZONE = "Europe/Oslo";

    private final RouteTable routes;

    /** The settings of a route, each a key {@code route.<name>.<setting>}. */
    public static final List<String> ROUTE_SETTINGS = List.of("filter", "format", "ids", "carrier", "zone",
            "building.id", "location.id", "sensor");
    /** URI schemes of the MQTT client: plain TCP, TLS, WebSocket and WebSocket over TLS. */
    public static final List<String> MQTT_SCHEMES = List.of("tcp", "ssl", "ws", "wss");

    public IngestConfig(Map<String, String> values) {
        super(definition(), values, routeKeys(values));
        this.routes = parseRoutes();
        tlsFilesConsistent();
    }

    public static ConfigDef definition() {
        return ReadingRulesConfig.define(base(DEFAULT_HTTP_PORT))
                .define(MQTT_SERVER_URI, Type.STRING, "tcp://localhost:1883",
                        ConfigValidators.uri(MQTT_SCHEMES, true, "tcp://localhost:1883"), Importance.HIGH,
                        "MQTT broker: tcp://host:port, ssl://host:port (TLS), ws://host:port/path (WebSocket) or "
                                + "wss://host:port/path (WebSocket over TLS).")
                .define(MQTT_CLIENT_ID, Type.STRING, "", Importance.HIGH,
                        "MQTT client id. Must be stable across restarts (the broker keeps the session, and the "
                                + "unacknowledged messages, under it) and unique per instance. "
                                + "Empty: straumflyt-ingest-<hostname>.")
                .define(MQTT_USERNAME, Type.STRING, null, Importance.MEDIUM, "MQTT user name; none when unset.")
                .define(MQTT_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                        "MQTT password; prefer STRAUMFLYT_MQTT_PASSWORD_FILE pointing at a secret file.")
                .define(MQTT_TLS_CA_LOCATION, Type.STRING, null, Importance.MEDIUM,
                        "PEM file of the CA certificate(s) to trust for ssl:// brokers; the JVM's trust store when unset.")
                .define(MQTT_TLS_CERT_LOCATION, Type.STRING, null, Importance.LOW,
                        "PEM client certificate (chain) for mutual TLS; needs mqtt.tls.key.location.")
                .define(MQTT_TLS_KEY_LOCATION, Type.STRING, null, Importance.LOW,
                        "PEM PKCS#8 private key (BEGIN PRIVATE KEY; RSA, EC or Ed25519) of the client certificate. "
                                + "Convert other forms with openssl pkcs8 -topk8 -nocrypt.")
                .define(MQTT_SESSION_EXPIRY_SECONDS, Type.LONG, 86_400L, Range.atLeast(1), Importance.MEDIUM,
                        "How long the broker keeps the session and its queued messages while ingest is away, s.")
                .define(MQTT_RECEIVE_MAXIMUM, Type.INT, 1_000, Range.between(1, 65_535), Importance.MEDIUM,
                        "Most unacknowledged QoS 1 messages the broker may send: bounds what is in flight while "
                                + "Kafka is slow or down.")
                .define(MQTT_KEEP_ALIVE_SECONDS, Type.INT, 30, Range.between(1, 65_535), Importance.LOW,
                        "MQTT keep-alive interval, s.")
                .define(MQTT_RECONNECT_MAX_DELAY_SECONDS, Type.INT, 30, Range.atLeast(1), Importance.LOW,
                        "Longest wait between reconnect attempts (the backoff starts at 1 s and doubles), s.")
                .define(MQTT_REPLAY_WINDOW_SECONDS, Type.INT, 60, Range.atLeast(0), Importance.MEDIUM,
                        "After a (re)connect that resumed the session, how long messages count as replayed: the "
                                + "broker sends what it kept while ingest was away first. A replayed message that "
                                + "carries no time of its own is a dead letter (UNTIMED_REPLAY), s; 0 relies on "
                                + "the MQTT DUP flag alone.")
                .define(MQTT_SHARED_GROUP, Type.STRING, "", ConfigValidators.parsedBy("MQTT shared subscription "
                        + "group name", IngestConfig::sharedGroupName), Importance.MEDIUM,
                        "MQTT 5 shared subscription group: when set, every route subscribes to "
                                + "$share/<group>/<filter> and the instances of the group split the messages.")
                .define(MQTT_MAX_PAYLOAD_BYTES, Type.INT, 65_536, Range.atLeast(1), Importance.MEDIUM,
                        "Larger payloads go to the dead-letter topic as TOO_LARGE, bytes.")
                .define(READING_MAX_FUTURE_SECONDS, Type.LONG, 300L, Range.atLeast(0), Importance.MEDIUM,
                        "A reading stamped further than this after its arrival is a dead letter "
                                + "(FUTURE_TIMESTAMP), s.")
                .define(MESSAGE_MAX_READINGS, Type.INT, MessageDecoder.DEFAULT_MAX_READINGS, Range.atLeast(1),
                        Importance.LOW, "A message that decodes to more readings (or temperature samples) than this "
                                + "is a dead letter (TOO_MANY_READINGS).")
                .define(MESSAGE_MAX_METERS, Type.INT, MessageDecoder.DEFAULT_MAX_METERS, Range.atLeast(1),
                        Importance.LOW, "A message with readings of more meters (channels) than this is a dead "
                                + "letter (TOO_MANY_READINGS).")
                .define(READY_MAX_UNACKNOWLEDGED_SECONDS, Type.INT, 120, Range.atLeast(1), Importance.MEDIUM,
                        "/health/ready fails while the oldest message not yet acknowledged to MQTT arrived longer "
                                + "ago than this, s: intake is stuck (acknowledgements go out in arrival order).")
                .define(SHUTDOWN_TIMEOUT_SECONDS, Type.INT, 30, Range.atLeast(1), Importance.LOW,
                        "How long a graceful stop waits for Kafka to confirm what is in flight, s.")
                .define(ROUTES, Type.LIST, DEFAULT_ROUTE, Importance.HIGH,
                        "Names of the routes, comma-separated. Route <name> is configured by "
                                + "route.<name>.filter (MQTT topic filter), route.<name>.format (canonical, ams, "
                                + "shelly, tasmota, senml; temperature formats: temperature, tasmota-temperature; "
                                + "default: the name when it is a format), route.<name>.ids (topic template such as "
                                + "buildings/{buildingId}/meters/{meterId}, or weather/{locationId}), "
                                + "route.<name>.carrier (default electricity), route.<name>.zone (default "
                                + DEFAULT_ZONE + "), route.<name>.building.id, and for temperature formats "
                                + "route.<name>.location.id (the weather location, unless the topic template has "
                                + "{locationId}) and route.<name>.sensor (which sensor of a message with several, "
                                + "e.g. DS18B20-2). Route 'canonical' defaults to filter " + DEFAULT_ROUTE_FILTER
                                + ".");
    }

    public String mqttServerUri() {
        return getString(MQTT_SERVER_URI);
    }

    /** Whether the broker is reached over TLS (ssl:// or wss://). */
    public boolean mqttTls() {
        String scheme = mqttServerUri().toLowerCase(Locale.ROOT);
        return scheme.startsWith("ssl://") || scheme.startsWith("wss://");
    }

    public String mqttClientId() {
        String id = getString(MQTT_CLIENT_ID);
        return id == null || id.isBlank() ? "straumflyt-ingest-" + hostname() : id;
    }

    public String mqttUsername() {
        return getString(MQTT_USERNAME);
    }

    /** The password, or {@code null}. */
    public String mqttPassword() {
        Password password = getPassword(MQTT_PASSWORD);
        return password == null ? null : password.value();
    }

    public String tlsCaFile() {
        return getString(MQTT_TLS_CA_LOCATION);
    }

    public String tlsCertFile() {
        return getString(MQTT_TLS_CERT_LOCATION);
    }

    public String tlsKeyFile() {
        return getString(MQTT_TLS_KEY_LOCATION);
    }

    public long sessionExpirySeconds() {
        return getLong(MQTT_SESSION_EXPIRY_SECONDS);
    }

    public int receiveMaximum() {
        return getInt(MQTT_RECEIVE_MAXIMUM);
    }

    public int keepAliveSeconds() {
        return getInt(MQTT_KEEP_ALIVE_SECONDS);
    }

    public int reconnectMaxDelaySeconds() {
        return getInt(MQTT_RECONNECT_MAX_DELAY_SECONDS);
    }

    public int replayWindowSeconds() {
        return getInt(MQTT_REPLAY_WINDOW_SECONDS);
    }

    public String sharedGroup() {
        return getString(MQTT_SHARED_GROUP);
    }

    public int maxPayloadBytes() {
        return getInt(MQTT_MAX_PAYLOAD_BYTES);
    }

    public Duration maxFuture() {
        return Duration.ofSeconds(getLong(READING_MAX_FUTURE_SECONDS));
    }

    /** The decoder of these routes, limits and reading rules. */
    public MessageDecoder messageDecoder() {
        return new MessageDecoder(routes(), maxPayloadBytes(), readingRules(), maxReadingsPerMessage(),
                maxMetersPerMessage());
    }

    /** The checks every reading must pass, with this configuration's bounds. */
    public ReadingRules readingRules() {
        return ReadingRulesConfig.rules(this, maxFuture());
    }

    public int maxReadingsPerMessage() {
        return getInt(MESSAGE_MAX_READINGS);
    }

    public int maxMetersPerMessage() {
        return getInt(MESSAGE_MAX_METERS);
    }

    /** How old the oldest unacknowledged message may be while the service reports ready. */
    public Duration readyMaxUnacknowledged() {
        return Duration.ofSeconds(getInt(READY_MAX_UNACKNOWLEDGED_SECONDS));
    }

    public Duration shutdownTimeout() {
        return Duration.ofSeconds(getInt(SHUTDOWN_TIMEOUT_SECONDS));
    }

    public RouteTable routes() {
        return routes;
    }

    private RouteTable parseRoutes() {
        List<String> names = getList(ROUTES);
        if (names.isEmpty()) {
            throw new ConfigException(ROUTES, "", "at least one route is needed");
        }
        Map<String, Object> originals = originals();
        List<Route> parsed = new ArrayList<>();
        for (String name : names) {
            parsed.add(parseRoute(name.trim(), originals));
        }
        return new RouteTable(parsed);
    }

    private static Route parseRoute(String name, Map<String, Object> originals) {
        if (!name.matches("[a-z0-9]+")) {
            throw new ConfigException(ROUTES, name, "route names are lower-case letters and digits");
        }
        String prefix = "route." + name + ".";
        String filter = text(originals, prefix + "filter", name.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE_FILTER : null);
        if (filter == null) {
            throw new ConfigException(prefix + "filter", null, "route '" + name + "' needs an MQTT topic filter");
        }
        String format = text(originals, prefix + "format", name);
        try {
            return new Route(name, new TopicFilter(filter), FormatName.parse(format),
                    TopicTemplate.parse(text(originals, prefix + "ids", null)),
                    Carrier.fromWire(text(originals, prefix + "carrier", Carrier.ELECTRICITY.wireName())),
                    ZoneId.of(text(originals, prefix + "zone", DEFAULT_ZONE)),
                    text(originals, prefix + "building.id", null),
                    text(originals, prefix + "location.id", null),
                    text(originals, prefix + "sensor", null));
        } catch (RuntimeException e) {
            throw new ConfigException("route '" + name + "' (keys " + prefix + "*, environment variables "
                    + ConfigSource.environmentName(prefix) + "*): " + e.getMessage());
        }
    }

    private static String text(Map<String, Object> originals, String key, String fallback) {
        Object value = originals.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        return value.toString().trim();
    }

    private void tlsFilesConsistent() {
        if ((tlsCertFile() == null) != (tlsKeyFile() == null)) {
            throw new ConfigException(MQTT_TLS_CERT_LOCATION + " and " + MQTT_TLS_KEY_LOCATION + " ("
                    + ConfigSource.environmentName(MQTT_TLS_CERT_LOCATION) + ", "
                    + ConfigSource.environmentName(MQTT_TLS_KEY_LOCATION) + ") go together: set both or neither");
        }
        if (!mqttTls() && (tlsCaFile() != null || tlsCertFile() != null)) {
            throw new ConfigException(MQTT_SERVER_URI, mqttServerUri(),
                    "TLS files are set, so the URI must be ssl:// or wss://");
        }
    }

    /** The keys of the listed routes (those of route 'canonical' when none are listed). */
    static KnownKeys routeKeys(Map<String, String> values) {
        String listed = values.getOrDefault(ROUTES, DEFAULT_ROUTE);
        Set<String> keys = new TreeSet<>();
        for (String name : listed.split(",")) {
            ROUTE_SETTINGS.forEach(setting -> keys.add("route." + name.trim() + "." + setting));
        }
        return new KnownKeys(keys, Set.of());
    }

    private static void sharedGroupName(Object value) {
        String group = value.toString();
        if (group.contains("/") || group.contains("+") || group.contains("#")) {
            throw new IllegalArgumentException("a shared subscription group name cannot contain '/', '+' or '#'");
        }
    }

    private static String hostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new ConfigException(MQTT_CLIENT_ID, "", "cannot tell the host name; set it explicitly");
        }
    }
}
