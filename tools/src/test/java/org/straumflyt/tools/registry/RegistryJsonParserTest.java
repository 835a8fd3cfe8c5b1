package org.straumflyt.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.tools.registry.RegistryFile.MalformedFileException;

class RegistryJsonParserTest {
    private static final Building SCHOOL = new Building("bekkestua-skole", "Bekkestua skole", "3201",
            BuildingCategory.SCHOOL, 5400, "Europe/Oslo", new GeoLocation(59.918, 10.589), "baerum", false,
            List.of(new MeterSpec("7359992890000000", Carrier.ELECTRICITY, List.of("import", "export"), 1e6, 400.0),
                    MeterSpec.of("fv-1001", Carrier.DISTRICT_HEATING)));

    private static RegistryFile parse(String json) throws Exception {
        return RegistryFormat.JSON.parse(new BufferedReader(new StringReader(json)));
    }

    private static String record(String buildingId, String fields) {
        return "{\"buildingId\":\"" + buildingId + "\",\"heatedAreaM2\":100,\"personalData\":false" + fields + "}";
    }

    @Test
    void readsRecordsExactlyAsTheRegistryTopicCarriesThem() throws Exception {
        String onTheTopic = Json.toString(SCHOOL);

        RegistryFile file = parse("[\n" + onTheTopic + ",\n" + record("b-2", "") + "\n]\n");

        assertThat(file.rejections()).isEmpty();
        assertThat(file.entries()).extracting(RegistryEntry::building).containsExactly(SCHOOL,
                new Building("b-2", null, null, null, 100, null, null, null, false, List.of()));
        assertThat(file.entries()).extracting(RegistryEntry::line).containsExactly(2L, 3L);
        assertThat(Json.toString(file.entries().get(0).building())).isEqualTo(onTheTopic);
    }

    @Test
    void rejectsWhatTheModelRefusesNamingTheFieldAndTheLineTheRecordStartsOn() throws Exception {
        RegistryFile file = parse("[\n"
                + record("b-1", ",\"category\":\"skole\"") + ",\n"
                + record("b-2", ",\"timeZone\":\"Europe/Bærum\"") + ",\n"
                + "{\"buildingId\":\"b-3\",\"heatedAreaM2\":-5,\"personalData\":false},\n"
                + record("b-4", ",\"meters\":[{\"meterId\":\"m-4\",\"carrier\":\"steam\"}]") + ",\n"
                + record("b-5", ",\"meters\":[{\"meterId\":\"m-5\",\"maxPowerKw\":\"lots\"}]") + ",\n"
                + record("b-6", ",\"meters\":[{\"carrier\":\"gas\"}]") + ",\n"
                + "{\"name\":\"no id\"}\n]");

        assertThat(file.entries()).isEmpty();
        assertThat(file.rejections()).extracting(Rejection::message).containsExactly(
                "line 2: building b-1: category: unknown BuildingCategory 'skole'; allowed: school, kindergarten, "
                        + "nursing_home, office, sports_hall, cultural, hospital, other",
                "line 3: building b-2: Invalid ID for region-based ZoneId, invalid format: Europe/Bærum",
                "line 4: building b-3: heatedAreaM2 must be a finite number >= 0, was -5.0",
                "line 5: building b-4: meters[0].carrier: unknown Carrier 'steam'; allowed: electricity, "
                        + "district_heating, district_cooling, gas, oil, bioenergy, other",
                "line 6: building b-5: meters[0].maxPowerKw: Cannot deserialize value of type `java.lang.Double` "
                        + "from String \"lots\": not a valid `Double` value",
                "line 7: building b-6: meters[0]: meterId is missing",
                "line 8: buildingId is missing");
    }

    @Test
    void rejectsFieldsTheModelDoesNotKnowInsteadOfIgnoringThem() throws Exception {
        RegistryFile file = parse("[" + record("b-1", ",\"heatedArea\":5400,\"meters\":[{\"meterId\":\"m-1\","
                + "\"maxPower\":40}]") + "]");

        assertThat(file.rejections()).extracting(Rejection::message).containsExactly("line 1: building b-1: unknown "
                + "fields heatedArea, meters[0].maxPower (the fields are those of docs/TOPICS.md, registry.buildings)");
    }

    @Test
    void rejectsTheSecondRecordOfABuildingAndAMeterOfTwoBuildings() throws Exception {
        RegistryFile file = parse("[\n" + record("b-1", ",\"meters\":[{\"meterId\":\"m-1\"}]") + ",\n"
                + record("b-1", "") + ",\n"
                + record("b-2", ",\"meters\":[{\"meterId\":\"m-1\"}]") + ",\n"
                + "42\n]");

        assertThat(file.rejections()).extracting(Rejection::message).containsExactly(
                "line 3: building b-1 is already on line 2 (a building is one record, with all its meters)",
                "line 4: meter m-1 of building b-2 is already registered to building b-1 on line 2; a meter belongs "
                        + "to one building",
                "line 5: expected a registry record (a JSON object), got VALUE_NUMBER_INT");
        assertThat(file.entries()).extracting(e -> e.building().buildingId()).containsExactly("b-1");
    }

    @Test
    void textThatIsNotAJsonArrayRejectsTheWholeFile() {
        assertThatThrownBy(() -> parse(record("b-1", ""))).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("line 1: expected a JSON array of registry records");
        assertThatThrownBy(() -> parse("[\n" + record("b-1", "") + ",\n{\"buildingId\": }\n]"))
                .isInstanceOf(MalformedFileException.class).hasMessageStartingWith("line 3: not valid JSON: ");
        assertThatThrownBy(() -> parse("[" + record("b-1", ""))).isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> parse("[]\n[]")).isInstanceOf(MalformedFileException.class)
                .hasMessage("line 2: text after the end of the JSON array");
    }
}
