package org.straumflyt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.format.FormatName;
import org.straumflyt.ingest.route.Route;
import org.straumflyt.model.Carrier;

class IngestConfigTest {

    @Test
    void plainInstallHasTheCanonicalRoute() {
        IngestConfig config = new IngestConfig(Map.of());

        Route route = config.routes().routes().get(0);
        assertThat(route.filter().filter()).isEqualTo("straumflyt/readings/#");
        assertThat(route.format()).isEqualTo(FormatName.CANONICAL);
        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.mqttServerUri()).isEqualTo("tcp://localhost:1883");
        assertThat(config.mqttClientId()).startsWith("straumflyt-ingest-");
    }

    @Test
    void routesAreReadFromTheirKeys() {
        IngestConfig config = new IngestConfig(Map.of(
                "routes", "tasmota,fjernvarme",
                "route.tasmota.filter", "tele/+/SENSOR",
                "route.tasmota.ids", "tele/{meterId}/SENSOR",
                "route.tasmota.zone", "UTC",
                "route.fjernvarme.filter", "fv/#",
                "route.fjernvarme.format", "senml",
                "route.fjernvarme.carrier", "district-heating",
                "route.fjernvarme.building.id", "skole-1"));

        Route tasmota = config.routes().routes().get(0);
        Route heating = config.routes().routes().get(1);
        assertThat(tasmota.format()).isEqualTo(FormatName.TASMOTA);
        assertThat(tasmota.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(heating.format()).isEqualTo(FormatName.SENML);
        assertThat(heating.carrier()).isEqualTo(Carrier.DISTRICT_HEATING);
        assertThat(heating.buildingId()).isEqualTo("skole-1");
    }

    @Test
    void temperatureRoutesTakeALocationFromTheRouteOrTheTopic() {
        IngestConfig config = new IngestConfig(Map.of(
                "routes", "ute,vaer",
                "route.ute.filter", "tele/ute-fornebu/SENSOR",
                "route.ute.format", "tasmota-temperature",
                "route.ute.location.id", "fornebu",
                "route.ute.sensor", "DS18B20-1",
                "route.vaer.filter", "weather/+",
                "route.vaer.format", "temperature",
                "route.vaer.ids", "weather/{locationId}"));

        Route tasmota = config.routes().routes().get(0);
        assertThat(tasmota.format()).isEqualTo(FormatName.TASMOTA_TEMPERATURE);
        assertThat(tasmota.format().measuresTemperature()).isTrue();
        assertThat(tasmota.locationId()).isEqualTo("fornebu");
        assertThat(tasmota.sensor()).isEqualTo("DS18B20-1");
        assertThat(config.routes().routes().get(1).format()).isEqualTo(FormatName.TEMPERATURE);
    }

    @Test
    void temperatureRouteWithoutALocationAndMeterRouteWithOneAreRefused() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("routes", "ute", "route.ute.filter", "tele/+/SENSOR",
                "route.ute.format", "tasmota-temperature")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("route.ute.").hasMessageContaining("location");
        assertThatThrownBy(() -> new IngestConfig(Map.of("routes", "tasmota", "route.tasmota.filter", "tele/+/SENSOR",
                "route.tasmota.location.id", "fornebu")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("temperature formats only");
    }

    @Test
    void routeWithoutFilterNamesItsKey() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("routes", "ams")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("route.ams.filter");
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("routes", "x", "route.x.filter", "x/#",
                "route.x.format", "sparkplug")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("senml");
    }

    @Test
    void tlsFilesNeedAnSslUri() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("mqtt.tls.ca.location", "/etc/ca.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ssl://");
    }

    @Test
    void keysOfARouteThatIsNotListedAreRejectedWithTheListedOneTheyResemble() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("routes", "shelly", "route.shelly.filter", "shelly/#",
                "route.shely.ids", "shelly/{meterId}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key route.shely.ids (STRAUMFLYT_ROUTE_SHELY_IDS): did you mean "
                        + "route.shelly.ids (STRAUMFLYT_ROUTE_SHELLY_IDS)?");
    }

    @Test
    void theBrokerUriIsCheckedAndWebSocketsOverTlsCountAsTls() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("mqtt.server.uri", "localhost:1883")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.server.uri")
                .hasMessageContaining("tcp, ssl, ws, wss");
        assertThat(new IngestConfig(Map.of("mqtt.server.uri", "wss://broker.example.org:443/mqtt")).mqttTls()).isTrue();
        assertThat(new IngestConfig(Map.of("mqtt.server.uri", "ws://broker:8080/mqtt")).mqttTls()).isFalse();
        assertThatThrownBy(() -> new IngestConfig(Map.of("mqtt.shared.group", "ingest/a")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.shared.group");
    }
}
