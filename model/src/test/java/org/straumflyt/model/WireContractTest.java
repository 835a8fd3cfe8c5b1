package org.straumflyt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.straumflyt.model.wire.Json;

class WireContractTest {
    private static final Topics TOPICS = Topics.defaults();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(TOPICS.readings(), Samples.reading()),
                Arguments.of(TOPICS.readings(), Samples.intervalReading()),
                Arguments.of(TOPICS.readingsDlq(), Samples.deadLetter()),
                Arguments.of(TOPICS.registryBuildings(), Samples.building()),
                Arguments.of(TOPICS.weatherDaily(), Samples.weather()),
                Arguments.of(TOPICS.weatherDaily(), Samples.weatherFromSamples()),
                Arguments.of(TOPICS.weatherSamples(), Samples.weatherSample()),
                Arguments.of(TOPICS.meterHourly(), Samples.meterHour()),
                Arguments.of(TOPICS.buildingHourly(), Samples.buildingHour()),
                Arguments.of(TOPICS.buildingDaily(), Samples.buildingDaily()),
                Arguments.of(TOPICS.buildingMonthly(), Samples.buildingMonthly()),
                Arguments.of(TOPICS.portfolio(), Samples.portfolio()),
                Arguments.of(TOPICS.twinBuildings(), Samples.twin()),
                Arguments.of(TOPICS.alerts(), Samples.alert()),
                Arguments.of(TOPICS.dayAheadPrices(), Samples.dayAheadPrice()),
                Arguments.of(TOPICS.buildingCostHourly(), Samples.buildingCostHour()),
                Arguments.of(TOPICS.buildingCostMonthly(), Samples.buildingCostMonth()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <V> void serializedRecordsMatchTheirTopicsSchema(Topic<?, V> topic, V sample) throws IOException {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample);
        JsonNode json = Json.mapper().readTree(bytes);

        JsonSchema schema = schema(topic.schema());
        Set<ValidationMessage> errors = schema.validate(json);

        assertThat(errors).as("%s against %s", new String(bytes, StandardCharsets.UTF_8), topic.schema()).isEmpty();
        assertThat(json.get("schemaVersion").asInt())
                .isEqualTo(schema.getSchemaNode().at("/properties/schemaVersion/const").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <V> void recordsSurviveARoundTripThroughTheirSerde(Topic<?, V> topic, V sample) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample);

        V back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

        assertThat(back).isEqualTo(sample);
        assertThat(topic.valueSerde().serializer().serialize(topic.name(), back)).isEqualTo(bytes);
    }

    @Test
    void registryRecordsWrittenBeforeTheIndicatorAttributesStillParseWithTheirDefaults() {
        String old = "{\"schemaVersion\":1,\"buildingId\":\"b1\",\"municipality\":\"3201\",\"heatedAreaM2\":100,\"personalData\":false,"
                + "\"meters\":[{\"meterId\":\"m1\",\"carrier\":\"electricity\"}]}";

        Building building = TOPICS.registryBuildings().valueSerde().deserializer()
                .deserialize(TOPICS.registryBuildings().name(), old.getBytes(StandardCharsets.UTF_8));

        assertThat(building.integratedBuildingManagement()).isFalse();
        assertThat(building.meters()).singleElement().satisfies(m -> assertThat(m.smartMeter()).isFalse());
    }

    @Test
    void registryAttributesOfTheIndicatorsSurviveTheRoundTrip() {
        Building building = Samples.building();

        assertThat(building.integratedBuildingManagement()).isTrue();
        assertThat(building.meters().get(0).smartMeter()).isTrue();
        assertThat(Json.mapper().valueToTree(building).get("meters").get(0).get("smartMeter").asBoolean()).isTrue();
    }

    @Test
    void schemaRejectsARecordThatBreaksTheContract() throws IOException {
        JsonNode reading = Json.mapper().readTree(Json.toBytes(Samples.reading()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) reading).put("kind", "VOLTAGE");
        ((com.fasterxml.jackson.databind.node.ObjectNode) reading).remove("meterId");

        Set<ValidationMessage> errors = schema(TOPICS.readings().schema()).validate(reading);

        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("meterId"))
                .anySatisfy(m -> assertThat(m).contains("kind"));
    }

    @Test
    void equalKeysSerializeToEqualBytesSoCompactionKeepsOneRecordPerKey() {
        var serde = TOPICS.meterHourly().keySerde();
        byte[] a = serde.serializer().serialize("t", Samples.meterHour().key());
        byte[] b = serde.serializer().serialize("t", Samples.meterHour().withRevision(9).key());

        assertThat(a).isEqualTo(b);
        assertThat(new String(a, StandardCharsets.UTF_8))
                .isEqualTo("{\"meterId\":\"7359992890000000\",\"register\":\"import\",\"hourStart\":\"2026-11-23T06:00:00Z\"}");
    }

    @Test
    void theRegistryAndWeatherRecordsAreKeyedByBuildingAndByLocationAndDate() {
        Topics topics = Topics.withPrefix("bodo.");

        var building = topics.registryRecord(Samples.building());
        var day = topics.weatherRecord(Samples.weather());

        assertThat(building.topic()).isEqualTo("bodo.registry.buildings");
        assertThat(building.key()).isEqualTo("baerum-skole-17");
        assertThat(building.value()).isEqualTo(Samples.building());
        assertThat(day.topic()).isEqualTo("bodo.weather.daily");
        assertThat(day.key()).isEqualTo(new WeatherKey("baerum", Samples.weather().date()));
    }

    @Test
    void portfolioKeysNameTheMunicipalityThePeriodKindAndItsFirstDay() {
        byte[] key = TOPICS.portfolio().keySerde().serializer().serialize("t", Samples.portfolio().key());

        assertThat(new String(key, StandardCharsets.UTF_8))
                .isEqualTo("{\"municipality\":\"3201\",\"period\":\"rolling_12_months\",\"from\":\"2025-11-23\"}");
    }

    @Test
    void aWeatherDayWrittenBeforeHoursWithDataStillReads() {
        byte[] old = "{\"schemaVersion\":1,\"locationId\":\"baerum\",\"date\":\"2026-11-23\",\"meanTemperatureC\":-3.4}"
                .getBytes(StandardCharsets.UTF_8);

        WeatherDaily day = TOPICS.weatherDaily().valueSerde().deserializer().deserialize("t", old);

        assertThat(day).isEqualTo(Samples.weather());
        assertThat(day.hoursWithData()).isNull();
        assertThat(Json.toString(day)).doesNotContain("hoursWithData");
    }

    @Test
    void aDeadLetterWrittenBeforeItsPayloadSizeAndHashStillReads() {
        byte[] old = ("{\"component\":\"ingest-mqtt\",\"reason\":\"UNKNOWN_UNIT\",\"mqttTopic\":\"senml/dev-7/data\","
                + "\"payload\":\"W10=\",\"receivedAt\":\"2026-11-23T06:00:01Z\",\"schemaVersion\":1}")
                .getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = TOPICS.readingsDlq().valueSerde().deserializer().deserialize("t", old);

        assertThat(letter.payloadTruncated()).isFalse();
        assertThat(letter.payloadSize()).isNull();
        assertThat(letter.payloadSha256()).isNull();
    }

    @Test
    void alertKeysNameTheBuildingTheKindAndOnlyForMeterFindingsTheMeter() {
        var serde = TOPICS.alerts().keySerde().serializer();

        assertThat(new String(serde.serialize("t", Samples.alert().key()), StandardCharsets.UTF_8))
                .isEqualTo("{\"buildingId\":\"baerum-skole-17\",\"kind\":\"energy_above_expected\"}");
        assertThat(new String(serde.serialize("t", new AlertKey("b", AlertKind.METER_SILENT, "m1")),
                StandardCharsets.UTF_8)).isEqualTo("{\"buildingId\":\"b\",\"kind\":\"meter_silent\",\"meterId\":\"m1\"}");
        assertThat(TOPICS.alerts().compacted()).isTrue();
    }

    @Test
    void weatherSamplesAreKeyedByLocation() {
        byte[] key = TOPICS.weatherSamples().keySerde().serializer().serialize("t", "baerum");

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("baerum");
        assertThat(TOPICS.weatherSamples().name()).isEqualTo("straumflyt.weather.samples");
        assertThat(TOPICS.weatherSamples().compacted()).isFalse();
    }

    @Test
    void carriersAndFlagsAreWrittenInAStableOrder() {
        String json = Json.toString(Samples.buildingHour());

        assertThat(json).contains("\"carriers\":{\"electricity\":");
        assertThat(json.indexOf("\"electricity\"")).isLessThan(json.indexOf("\"district_heating\""));
    }

    @Test
    void tombstonesPassThroughTheSerdes() {
        var serde = TOPICS.registryBuildings().valueSerde();

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void aBrokenPayloadFailsWithASerializationExceptionNamingTheTopic() {
        var deserializer = TOPICS.readings().valueSerde().deserializer();

        assertThatThrownBy(() -> deserializer.deserialize("straumflyt.readings", "{\"meterId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("straumflyt.readings");
    }

    @Test
    void unknownEnumValuesAreRejectedWithTheAllowedOnes() {
        assertThatThrownBy(() -> Carrier.fromWire("steam"))
                .hasMessageContaining("steam")
                .hasMessageContaining("district_heating");
        assertThat(Carrier.fromWire("District-Heating")).isEqualTo(Carrier.DISTRICT_HEATING);
    }

    @Test
    void wireNamedEnumsAreWrittenAndReadInLowerSnakeCase() throws IOException {
        var mapper = Json.mapper();
        var values = java.util.List.of(Carrier.DISTRICT_HEATING, BuildingCategory.NURSING_HOME,
                PortfolioPeriod.ROLLING_12_MONTHS);

        assertThat(mapper.writeValueAsString(values))
                .isEqualTo("[\"district_heating\",\"nursing_home\",\"rolling_12_months\"]");
        assertThat(mapper.writeValueAsString(java.util.Map.of(Carrier.DISTRICT_COOLING, 1)))
                .isEqualTo("{\"district_cooling\":1}");
        assertThat(values).extracting(Object::toString)
                .containsExactly("district_heating", "nursing_home", "rolling_12_months");
        assertThat(mapper.readValue("\"Sports-Hall\"", BuildingCategory.class)).isEqualTo(BuildingCategory.SPORTS_HALL);
        assertThat(mapper.readValue("\"year_to_date\"", PortfolioPeriod.class)).isEqualTo(PortfolioPeriod.YEAR_TO_DATE);
        assertThat(mapper.readValue("{\"gas\":2}",
                new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<Carrier, Integer>>() { }))
                .containsEntry(Carrier.GAS, 2);
    }

    @Test
    void aBuildingWithABadTimeZoneIsRefusedEarly() {
        assertThatThrownBy(() -> new Building("b", null, null, null, 10, "Europe/Bergen", null, null, false, null))
                .hasMessageContaining("Europe/Bergen");
    }

    @Test
    void topicPrefixIsValidated() {
        assertThat(Topics.withPrefix("bodo.").readings().name()).isEqualTo("bodo.readings");
        assertThatThrownBy(() -> Topics.withPrefix("bodø/")).hasMessageContaining("bodø/");
    }

    private static JsonSchema schema(String resource) throws IOException {
        try (InputStream in = WireContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
