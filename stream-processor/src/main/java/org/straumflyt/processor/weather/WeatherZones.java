package org.straumflyt.processor.weather;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.runtime.ConfigValidators;

/**
 * The time zone of each weather location: its days are the local days of that zone. A location not listed has the
 * default zone.
 *
 * @param defaultZone the zone of locations not listed
 * @param locations   zones by location id
 */
public record WeatherZones(ZoneId defaultZone, Map<String, ZoneId> locations) {
    /** Config key of the default zone. */
    public static final String WEATHER_ZONE = "weather.zone";
    /** Config key of the zones by location, {@code <location>:<zone>} entries. */
    public static final String WEATHER_LOCATION_ZONES = "weather.location.zones";
    public static final String DEFAULT_ZONE = "Europe/Oslo";

    public WeatherZones {
        Objects.requireNonNull(defaultZone, "defaultZone");
        locations = Map.copyOf(locations);
    }

    /** Every location in Europe/Oslo. */
    public static WeatherZones defaults() {
        return new WeatherZones(ZoneId.of(DEFAULT_ZONE), Map.of());
    }

    public ZoneId zoneOf(String locationId) {
        return locations.getOrDefault(locationId, defaultZone);
    }

    /** Adds {@value #WEATHER_ZONE} and {@value #WEATHER_LOCATION_ZONES} to a service's configuration. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(WEATHER_ZONE, Type.STRING, DEFAULT_ZONE, ConfigValidators.zoneId(), Importance.LOW,
                        "Time zone of the weather locations not listed in " + WEATHER_LOCATION_ZONES + ": the daily "
                                + "mean temperature of weather.daily is over the local day of this zone.")
                .define(WEATHER_LOCATION_ZONES, Type.LIST, "", Importance.LOW,
                        "Time zones of weather locations, comma-separated <location>:<zone>, e.g. "
                                + "longyearbyen:Arctic/Longyearbyen.");
    }

    /** The zones a configuration defined with {@link #define(ConfigDef)} gives. */
    public static WeatherZones from(AbstractConfig config) {
        ZoneId fallback = zone(WEATHER_ZONE, config.getString(WEATHER_ZONE));
        return new WeatherZones(fallback, parse(config.getList(WEATHER_LOCATION_ZONES)));
    }

    /**
     * Parses {@code <location>:<zone>} entries.
     *
     * @throws ConfigException naming the bad entry
     */
    public static Map<String, ZoneId> parse(List<String> entries) {
        Map<String, ZoneId> zones = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new ConfigException(WEATHER_LOCATION_ZONES, entry, "expected <location>:<zone>");
            }
            zones.put(parts[0].trim(), zone(WEATHER_LOCATION_ZONES, parts[1].trim()));
        }
        return zones;
    }

    private static ZoneId zone(String key, String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException(key, text, "not a time zone id such as Europe/Oslo");
        }
    }
}
