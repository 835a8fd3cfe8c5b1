package org.straumflyt.ingest.format;

import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.straumflyt.ingest.format.Decoding.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Reading;
import org.straumflyt.model.WeatherSample;

/** The canonical payload schema says what the decoder accepts, and what ingest writes fits the reading contract. */
class SchemaConformanceTest {
    private static final JsonSchema CANONICAL = schema("/schemas/canonical-payload.schema.json");
    private static final JsonSchema READING = schema("/schemas/reading.schema.json");
    private static final JsonSchema WEATHER_SAMPLE = schema("/schemas/weather-sample.schema.json");

    private static JsonSchema schema(String resource) {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream(resource)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void canonicalExamplesFitTheSchema() {
        assertThat(CANONICAL.validate(json(fixture("canonical/gateway-array.json")))).isEmpty();
        assertThat(CANONICAL.validate(json("{\"kind\":\"POWER\",\"value\":3.5,\"timestamp\":\"2026-01-05T10:00:00Z\"}")))
                .isEmpty();
    }

    @Test
    void schemaRefusesWhatTheDecoderRefuses() {
        assertThat(CANONICAL.validate(json("{\"meterId\":\"m\",\"value\":1,\"timestamp\":\"2026-01-05T10:00:00Z\"}")))
                .as("kind missing").isNotEmpty();
        assertThat(CANONICAL.validate(json("{\"meterId\":\"m\",\"kind\":\"POWER\",\"value\":1,\"unit\":\"hp\","
                + "\"timestamp\":\"2026-01-05T10:00:00Z\"}"))).as("unknown unit").isNotEmpty();
        assertThat(CANONICAL.validate(json("[]"))).as("empty array").isNotEmpty();
    }

    @Test
    void readingsOfEveryFormatFitTheWireContract() {
        List<Reading> readings = new ArrayList<>();
        readings.addAll(Decoding.route(FormatName.CANONICAL, "#", "").readings("gw",
                fixture("canonical/gateway-array.json")));
        readings.addAll(Decoding.route(FormatName.AMS, "#", "ams/{buildingId}/{meterId}").readings("ams/b/m",
                fixture("ams/aidon-hourly.json")));
        readings.addAll(Decoding.route(FormatName.SHELLY, "#", "{meterId}/status/+").readings("s/status/emdata:0",
                fixture("shelly/pro3em-emdata.json")));
        readings.addAll(Decoding.route(FormatName.TASMOTA, "#", "tele/{meterId}/SENSOR").readings("tele/t/SENSOR",
                fixture("tasmota/two-channel-per-channel-totals.json")));
        readings.addAll(Decoding.route(FormatName.SENML, "#", "").readings("senml",
                fixture("senml/rfc-energy-power.json")));

        assertThat(readings).hasSizeGreaterThan(10).allSatisfy(reading ->
                assertThat(READING.validate(json(Json.toString(reading)))).as(Json.toString(reading)).isEmpty());
    }

    @Test
    void samplesOfEveryTemperatureFormatFitTheWireContract() {
        List<WeatherSample> samples = new ArrayList<>();
        samples.addAll(Decoding.temperatureRoute(FormatName.TEMPERATURE, "", "fornebu", null).samples("gw",
                fixture("temperature/gateway-array.json")));
        samples.addAll(Decoding.temperatureRoute(FormatName.TASMOTA_TEMPERATURE, "", "fornebu", null).samples(
                "tele/ute/SENSOR", fixture("tasmota/bme280-fahrenheit.json")));

        assertThat(samples).hasSize(3).allSatisfy(sample ->
                assertThat(WEATHER_SAMPLE.validate(json(Json.toString(sample)))).as(Json.toString(sample)).isEmpty());
    }
}
