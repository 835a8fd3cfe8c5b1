package org.straumflyt.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.dashboard.web.MapTiles;
import org.straumflyt.dashboard.web.PersonalDataAccess;
import org.straumflyt.runtime.ServiceConfig;

/**
 * Configuration of the dashboard: the common service keys (its /health and /metrics on {@value #DEFAULT_HTTP_PORT})
 * plus the web page's address, the KPI store and the live refresh. The web page has no authentication of its own,
 * so it binds to loopback unless told otherwise (docs/DASHBOARD.md, "Access").
 */
public final class DashboardConfig extends ServiceConfig {
    public static final int DEFAULT_HTTP_PORT = 8084;
    public static final int DEFAULT_WEB_PORT = 8090;

    public static final String WEB_HOST = "web.host";
    public static final String WEB_PORT = "web.port";
    public static final String STORE_URL = "store.url";
    public static final String STORE_TIMEOUT_MS = "store.timeout.ms";
    public static final String TIME_ZONE = "time.zone";
    public static final String LIVE_INTERVAL_MS = "live.interval.ms";
    public static final String REGISTRY_ENABLED = "registry.enabled";
    public static final String PERSONAL_DATA_GROUPS = "personal.data.groups";
    public static final String PERSONAL_DATA_HEADER = "personal.data.header";
    public static final String MAP_TILE_URL = "map.tile.url";
    public static final String MAP_ATTRIBUTION = "map.attribution";

    public DashboardConfig(Map<String, String> values) {
        super(definition(), values);
    }

    public static ConfigDef definition() {
        return base(DEFAULT_HTTP_PORT)
                .define(WEB_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
                        "Address the web page and its API bind to. Loopback by default: the dashboard has no "
                                + "authentication; expose it only behind a reverse proxy that authenticates.")
                .define(WEB_PORT, Type.INT, DEFAULT_WEB_PORT, Range.between(0, 65535), Importance.HIGH,
                        "Port of the web page and its API; 0 picks a free one.")
                .define(STORE_URL, Type.STRING, "http://localhost:9000", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Base URL of the KPI store's SQL endpoint (QuestDB HTTP, /exec).")
                .define(STORE_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
                        "Timeout of one store query, ms.")
                .define(TIME_ZONE, Type.STRING, "Europe/Oslo", Importance.MEDIUM,
                        "Time zone of 'today' and 'yesterday' and of the hours on the page.")
                .define(LIVE_INTERVAL_MS, Type.INT, 3_000, Range.between(500, 60_000), Importance.LOW,
                        "How often the live feed re-reads the running hour from the store, ms.")
                .define(REGISTRY_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Read the building registry (the compacted registry.buildings topic on kafka.bootstrap.servers) "
                                + "for the buildings' names, categories, areas and municipalities; off, the pages "
                                + "show building ids and the store's tags.")
                .define(PERSONAL_DATA_GROUPS, Type.LIST, "", Importance.MEDIUM,
                        "Groups whose members see the figures of buildings the registry marks as holding personal "
                                + "data (personalData: municipal housing, very small units), comma separated. Empty: "
                                + "nobody does, and the pages show such a building's name without figures.")
                .define(PERSONAL_DATA_HEADER, Type.STRING, PersonalDataAccess.DEFAULT_HEADER,
                        new ConfigDef.NonEmptyString(), Importance.LOW,
                        "Request header in which the authenticating proxy in front of the dashboard lists the "
                                + "user's groups, comma separated (oauth2-proxy: X-Forwarded-Groups).")
                .define(MAP_TILE_URL, Type.STRING, "", Importance.LOW,
                        "Tile server of the portfolio map's background, a URL with {z}, {x} and {y}, e.g. "
                                + "https://tile.openstreetmap.org/{z}/{x}/{y}.png (mind its usage policy). Empty: "
                                + "the buildings on a plain background, and the page loads nothing from elsewhere.")
                .define(MAP_ATTRIBUTION, Type.STRING, "", Importance.LOW,
                        "Attribution the tile server's licence asks for, shown under the map, e.g. "
                                + "'© OpenStreetMap contributors'.");
    }

    /** The portfolio map's background. */
    public MapTiles mapTiles() {
        try {
            return new MapTiles(getString(MAP_TILE_URL), getString(MAP_ATTRIBUTION));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MAP_TILE_URL, getString(MAP_TILE_URL), e.getMessage());
        }
    }

    /** Who sees the figures of buildings with personal data. */
    public PersonalDataAccess personalDataAccess() {
        return PersonalDataAccess.of(getString(PERSONAL_DATA_HEADER), getList(PERSONAL_DATA_GROUPS));
    }

    public String webHost() {
        return getString(WEB_HOST);
    }

    public int webPort() {
        return getInt(WEB_PORT);
    }

    public String storeUrl() {
        return getString(STORE_URL);
    }

    public Duration storeTimeout() {
        return Duration.ofMillis(getInt(STORE_TIMEOUT_MS));
    }

    public ZoneId timeZone() {
        try {
            return ZoneId.of(getString(TIME_ZONE));
        } catch (RuntimeException e) {
            throw new ConfigException(TIME_ZONE, getString(TIME_ZONE), "not a time zone id");
        }
    }

    public boolean registryEnabled() {
        return getBoolean(REGISTRY_ENABLED);
    }

    /** Only the registry reads Kafka: without it the dashboard's readiness is the store's alone. */
    @Override
    public boolean usesKafka() {
        return registryEnabled();
    }

    public Duration liveInterval() {
        return Duration.ofMillis(getInt(LIVE_INTERVAL_MS));
    }
}
