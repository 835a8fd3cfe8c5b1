package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.WeatherSample;

/** Temperature formats: samples in °C at the sensor's time, for the route's location; bad values are dead letters. */
class TemperatureFormatTest {
    private final Decoding tasmota = Decoding.temperatureRoute(FormatName.TASMOTA_TEMPERATURE, "", "fornebu", null);
    private final Decoding canonical = Decoding.temperatureRoute(FormatName.TEMPERATURE, "weather/{locationId}",
            null, null);

    @Test
    void tasmotaDs18b20IsOneSampleAtTheLocalTimeOfTheRouteZone() {
        // Given a DS18B20 message whose Time is Oslo winter time (UTC+1)
        List<WeatherSample> samples = tasmota.samples("tele/ute/SENSOR", fixture("tasmota/ds18b20.json"));

        // Then it is one sample of the route's location, an hour earlier in UTC, with its origin
        assertThat(samples).extracting(WeatherSample::locationId, WeatherSample::temperatureC, WeatherSample::timestamp)
                .containsExactly(tuple("fornebu", -6.4, Instant.parse("2025-01-15T06:30:12Z")));
        assertThat(samples.get(0).origin().format()).isEqualTo("tasmota-temperature");
        assertThat(samples.get(0).origin().mqttTopic()).isEqualTo("tele/ute/SENSOR");
    }

    @Test
    void tasmotaHumiditySensorsGiveTheirTemperatureAndFahrenheitIsConverted() {
        assertThat(tasmota.samples("tele/ute/SENSOR", fixture("tasmota/si7021.json")).get(0).temperatureC())
                .isEqualTo(-5.9);
        // 71.6 °F = 22.0 °C
        assertThat(tasmota.samples("tele/ute/SENSOR", fixture("tasmota/bme280-fahrenheit.json")).get(0)
                .temperatureC()).isCloseTo(22.0, within(1e-9));
    }

    @Test
    void theRouteNamesOneOfSeveralSensorsAndTheChipTemperatureIsNeverTaken() {
        // Given an ESP32 with two DS18B20 probes, one outdoors
        String payload = fixture("tasmota/two-ds18b20-on-esp32.json");
        Decoding named = Decoding.temperatureRoute(FormatName.TASMOTA_TEMPERATURE, "", "fornebu", "DS18B20-1");

        // Then the named probe is read, and without a name the message is ambiguous
        assertThat(named.samples("tele/ute/SENSOR", payload).get(0).temperatureC()).isEqualTo(-6.4);
        DeadLetter ambiguous = tasmota.rejected("tele/ute/SENSOR", payload);
        assertThat(ambiguous.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(ambiguous.detail()).contains("DS18B20-1", "DS18B20-2").doesNotContain("ESP32");
    }

    @Test
    void canonicalSampleTakesItsLocationFromTheTopic() {
        List<WeatherSample> samples = canonical.samples("weather/fornebu",
                "{\"temperature\": -3.5, \"timestamp\": \"2025-01-15T07:30:00+01:00\"}");

        assertThat(samples).extracting(WeatherSample::locationId, WeatherSample::temperatureC, WeatherSample::timestamp)
                .containsExactly(tuple("fornebu", -3.5, Instant.parse("2025-01-15T06:30:00Z")));
    }

    @Test
    void canonicalGatewayArrayNamesItsLocationsAndUnits() {
        List<WeatherSample> samples = canonical.samples("weather/gw", fixture("temperature/gateway-array.json"));

        // 26.6 °F = -3.0 °C; epoch milliseconds 1736926200000 = 2025-01-15T07:30:00Z
        assertThat(samples).extracting(WeatherSample::locationId, WeatherSample::timestamp).containsExactly(
                tuple("baerum-fornebu", Instant.parse("2025-01-15T07:30:00Z")),
                tuple("baerum-kolsas", Instant.parse("2025-01-15T07:30:00Z")));
        assertThat(samples.get(1).temperatureC()).isCloseTo(-3.0, within(1e-9));
    }

    @Test
    void aSampleWithoutTimestampIsStampedWithItsArrival() {
        assertThat(canonical.samples("weather/fornebu", "{\"temperature\": 1.25}").get(0).timestamp())
                .isEqualTo(Decoding.RECEIVED);
    }

    @Test
    void badTemperaturesAreDeadLettersWithTheirReason() {
        assertThat(canonical.rejected("weather/fornebu", "{\"temperature\": NaN}").reason())
                .isEqualTo(DeadLetterReason.NOT_FINITE);
        // A DS18B20 reports 85 °C after a power-on reset, before its first conversion
        DeadLetter reset = tasmota.rejected("tele/ute/SENSOR", fixture("tasmota/ds18b20-power-on-reset.json"));
        assertThat(reset.reason()).isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        assertThat(reset.detail()).contains("85.0");
        assertThat(canonical.rejected("weather/fornebu", "{\"temperature\": -127}").reason())
                .isEqualTo(DeadLetterReason.OUT_OF_RANGE);
        assertThat(canonical.rejected("weather/fornebu", "{\"temperature\": 3, \"unit\": \"R\"}").reason())
                .isEqualTo(DeadLetterReason.UNKNOWN_UNIT);
        String tomorrow = "{\"temperature\": 3, \"timestamp\": \"2026-01-06T10:00:00Z\"}";
        assertThat(canonical.rejected("weather/fornebu", tomorrow).reason())
                .isEqualTo(DeadLetterReason.FUTURE_TIMESTAMP);
        assertThat(canonical.rejected("weather/fornebu", "{\"temp\": 3}").reason())
                .isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(tasmota.rejected("tele/ute/SENSOR", fixture("tasmota/pow-r2.json")).reason())
                .isEqualTo(DeadLetterReason.UNPARSEABLE);
    }

    @Test
    void aTopicOutsideTheTemplateLeavesNoLocation() {
        DeadLetter letter = canonical.rejected("sensors/fornebu", "{\"temperature\": 1.0}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.MISSING_LOCATION_ID);
    }

    @Test
    void aCanonicalPayloadOtherThanAnObjectOrANonEmptyArrayIsUnparseable() {
        assertThat(canonical.rejected("weather/fornebu", "[]").detail())
                .isEqualTo("expected a temperature object or a non-empty array of them, got []");
        assertThat(canonical.rejected("weather/fornebu", "[{\"temperature\": 1.0}, \"x\"]").detail())
                .isEqualTo("element 1 is not an object");
        DeadLetter badElement = canonical.rejected("weather/fornebu", "[{\"temperature\": 1.0}, {\"temp\": 3}]");
        assertThat(badElement.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(badElement.detail()).startsWith("element 1: ").doesNotContain("element 1: element");
    }
}
