package org.straumflyt.processor.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WeatherZonesTest {

    @Test
    void unlistedLocationsHaveTheDefaultZone() {
        // Given a configuration that lists one location's zone
        AbstractConfig config = new AbstractConfig(WeatherZones.define(new ConfigDef()), Map.of(
                WeatherZones.WEATHER_LOCATION_ZONES, "longyearbyen:Arctic/Longyearbyen"));

        WeatherZones zones = WeatherZones.from(config);

        // Then that location has its zone and every other one Europe/Oslo
        assertThat(zones.zoneOf("longyearbyen")).isEqualTo(ZoneId.of("Arctic/Longyearbyen"));
        assertThat(zones.zoneOf("fornebu")).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(WeatherZones.defaults().zoneOf("fornebu")).isEqualTo(ZoneId.of("Europe/Oslo"));
    }

    @Test
    void badEntriesNameTheKeyAndTheEntry() {
        AbstractConfig noZone = new AbstractConfig(WeatherZones.define(new ConfigDef()), Map.of(
                WeatherZones.WEATHER_LOCATION_ZONES, "fornebu"));

        assertThatThrownBy(() -> WeatherZones.from(noZone)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(WeatherZones.WEATHER_LOCATION_ZONES).hasMessageContaining("fornebu");
        // The default zone is checked by the definition itself, when the configuration is read
        assertThatThrownBy(() -> new AbstractConfig(WeatherZones.define(new ConfigDef()), Map.of(
                WeatherZones.WEATHER_ZONE, "Europe/Bergen"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(WeatherZones.WEATHER_ZONE).hasMessageContaining("Europe/Bergen");
    }
}
