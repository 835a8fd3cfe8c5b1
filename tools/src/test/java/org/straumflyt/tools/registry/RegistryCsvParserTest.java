package org.straumflyt.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.tools.registry.RegistryFile.MalformedFileException;

class RegistryCsvParserTest {
    static final Path SAMPLE = Path.of("../docs/examples/registry.csv");
    private static final String HEADER = "building_id,name,category,heated_area_m2,meter_id,carrier\n";

    private static RegistryFile parse(String csv) throws Exception {
        return RegistryFormat.CSV.parse(new BufferedReader(new StringReader(csv)));
    }

    /** The one rejection of a file with one bad line. */
    private static String rejection(String csv) throws Exception {
        RegistryFile file = parse(csv);
        assertThat(file.rejections()).hasSize(1);
        return file.rejections().get(0).message();
    }

    @Test
    void readsTheDocumentedExampleOneLinePerMeterWithTheBuildingColumnsLeftEmptyAfterTheFirst() throws Exception {
        RegistryFile file = RegistryFormat.CSV.parse(Files.newBufferedReader(SAMPLE, StandardCharsets.UTF_8));

        assertThat(file.rejections()).isEmpty();
        assertThat(file.entries()).extracting(e -> e.building().buildingId())
                .containsExactly("bekkestua-skole", "stabekk-bhg", "tanum-bo");
        RegistryEntry school = file.entries().get(0);
        assertThat(school.building()).isEqualTo(new Building("bekkestua-skole", "Bekkestua skole", "3201",
                BuildingCategory.SCHOOL, 5400, "Europe/Oslo", new GeoLocation(59.918, 10.589), "baerum", false,
                List.of(new MeterSpec("7359992890000000", Carrier.ELECTRICITY, List.of("import", "export"), 1e6, 400.0,
                                true),
                        new MeterSpec("fv-bekkestua-1", Carrier.DISTRICT_HEATING, List.of("import"), null, 350.0,
                                false)),
                true, BiddingZone.NO1, "naering-liten"));
        assertThat(school.line()).isEqualTo(5);
        assertThat(school.meterLines()).containsExactly(5L, 6L);
        assertThat(file.entries().get(2).building().personalData()).isTrue();
    }

    @Test
    void leavesOutColumnsThatAreNotThereSoTheRecordsDefaultsApply() throws Exception {
        RegistryFile file = parse("building_id,meter_id\nb-1,m-1\nb-2,\n");

        assertThat(file.rejections()).isEmpty();
        assertThat(file.entries()).extracting(RegistryEntry::building).containsExactly(
                new Building("b-1", null, null, null, 0, null, null, null, false, List.of(MeterSpec.of("m-1",
                        Carrier.ELECTRICITY))),
                new Building("b-2", null, null, null, 0, null, null, null, false, List.of()));
    }

    @Test
    void readsASemicolonSeparatedSpreadsheetExportWithDecimalCommasQuotesAndAByteOrderMark() throws Exception {
        RegistryFile file = parse("\uFEFFBuilding_ID;Name;heated_area_m2;lat;lon;meter_id;max_power_kw\n"
                + "b-1;\"Skole; gamle bygg\";1234,5;59,9;10,6;m-1;12,5\n");

        assertThat(file.rejections()).isEmpty();
        Building building = file.entries().get(0).building();
        assertThat(building.name()).isEqualTo("Skole; gamle bygg");
        assertThat(building.heatedAreaM2()).isEqualTo(1234.5);
        assertThat(building.location()).isEqualTo(new GeoLocation(59.9, 10.6));
        assertThat(building.meters().get(0).maxPowerKw()).isEqualTo(12.5);
    }

    @Test
    void skipsBlankLinesAndComments() throws Exception {
        RegistryFile file = parse("# registry\n\n" + HEADER + "   \n# a comment\nb-1,Skole,school,100,m-1,gas\n");

        assertThat(file.rejections()).isEmpty();
        assertThat(file.entries()).singleElement().extracting(RegistryEntry::line).isEqualTo(6L);
        assertThat(file.lines()).isEqualTo(6);
    }

    @Test
    void rejectsAnUnknownCategoryListingTheAllowedOnes() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole,skole,100,m-1,electricity\n")).isEqualTo(
                "line 2: category 'skole' unknown BuildingCategory 'skole'; allowed: school, kindergarten, "
                        + "nursing_home, office, sports_hall, cultural, hospital, other");
    }

    @Test
    void rejectsAnUnknownCarrier() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole,school,100,m-1,steam\n"))
                .startsWith("line 2: carrier 'steam' unknown Carrier 'steam'; allowed: electricity, district_heating");
    }

    @Test
    void rejectsABadTimeZone() throws Exception {
        assertThat(rejection("building_id,time_zone\nb-1,Europe/Bærum\n"))
                .isEqualTo("line 2: time_zone 'Europe/Bærum' is not an IANA time zone such as Europe/Oslo");
    }

    @Test
    void rejectsANegativeArea() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole,school,-100,m-1,electricity\n"))
                .isEqualTo("line 2: heated_area_m2 '-100' is negative");
    }

    @Test
    void rejectsNumbersThatAreNotNumbersAndADecimalCommaInACommaSeparatedFile() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole,school,stor,m-1,electricity\n"))
                .isEqualTo("line 2: heated_area_m2 'stor' is not a number");
        assertThat(rejection(HEADER + "b-1,Skole,school,\"100,5\",m-1,electricity\n"))
                .isEqualTo("line 2: heated_area_m2 '100,5' is not a number (use a decimal point, not a comma)");
        assertThat(rejection(HEADER + "b-1,Skole,school,NaN,m-1,electricity\n"))
                .isEqualTo("line 2: heated_area_m2 'NaN' is not a number");
        assertThat(rejection(HEADER + "b-1,Skole,school,1e999,m-1,electricity\n"))
                .isEqualTo("line 2: heated_area_m2 '1e999' is too large");
    }

    @Test
    void rejectsLimitsOfAMeterThatAreNotAboveZero() throws Exception {
        assertThat(rejection("building_id,meter_id,register_max_kwh,max_power_kw\nb-1,m-1,0,-5\n")).isEqualTo(
                "line 2: register_max_kwh '0' must be greater than 0; max_power_kw '-5' must be greater than 0");
    }

    @Test
    void rejectsCoordinatesOutOfRangeOrOnlyHalfGiven() throws Exception {
        assertThat(rejection("building_id,lat,lon\nb-1,95,10\n")).isEqualTo("line 2: lat '95' is outside -90..90");
        assertThat(rejection("building_id,lat,lon\nb-1,59.9,\n"))
                .isEqualTo("line 2: lat and lon go together; only lat is filled");
    }

    @Test
    void rejectsBadIdsMunicipalityNumbersAndYesNoValues() throws Exception {
        assertThat(rejection("building_id,meter_id\nb-1,el hoved\n")).isEqualTo(
                "line 2: meter_id 'el hoved' is not an id: it has U+0020 at position 2; allowed are ASCII letters, "
                        + "digits and -_.:@/");
        assertThat(rejection("building_id,municipality\nb-1,320\n"))
                .isEqualTo("line 2: municipality '320' is not a municipality number (four digits, e.g. 3201)");
        assertThat(rejection("building_id,personal_data\nb-1,kanskje\n"))
                .isEqualTo("line 2: personal_data 'kanskje' is not yes or no (also true/false, ja/nei, 1/0)");
    }

    @Test
    void rejectsALineWithoutABuildingIdOrWithMeterColumnsButNoMeterId() throws Exception {
        assertThat(rejection(HEADER + ",Skole,school,100,m-1,electricity\n")).isEqualTo("line 2: building_id is empty");
        assertThat(rejection(HEADER + "b-1,Skole,school,100,,gas\n"))
                .isEqualTo("line 2: meter_id is empty, but carrier is filled");
    }

    @Test
    void rejectsALineWithMoreCellsThanTheHeader() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole, gamle bygg,school,100,m-1,electricity\n")).isEqualTo(
                "line 2: expected at most 6 cells (one per header column), got 7 (a comma inside a value needs "
                        + "double quotes)");
    }

    @Test
    void rejectsABuildingColumnThatDiffersFromTheBuildingsEarlierLine() throws Exception {
        assertThat(rejection(HEADER + "b-1,Skole,school,100,m-1,electricity\nb-1,Skole,office,,m-2,gas\n"))
                .isEqualTo("line 3: category 'office' differs from 'school' on line 2 for building b-1 (leave it "
                        + "empty on the building's later lines, or repeat it exactly)");
    }

    @Test
    void aRejectedLineLeavesOutItsWholeBuildingButNotTheOthers() throws Exception {
        RegistryFile file = parse(HEADER + "b-1,Skole,school,100,m-1,electricity\nb-1,,,,m-2,steam\n"
                + "b-2,Hall,sports_hall,900,m-3,electricity\n");

        assertThat(file.rejections()).extracting(Rejection::line).containsExactly(3L);
        assertThat(file.entries()).extracting(e -> e.building().buildingId()).containsExactly("b-2");
    }

    @Test
    void rejectsAMeterIdThatIsAlreadyRegisteredToAnotherBuildingOrTwiceInOne() throws Exception {
        RegistryFile file = parse(HEADER + "b-1,Skole,school,100,m-1,electricity\n"
                + "b-2,Hall,sports_hall,900,m-2,electricity\nb-2,,,,m-1,gas\n"
                + "b-3,Kontor,office,300,m-3,electricity\nb-3,,,,m-3,electricity\n");

        assertThat(file.rejections()).extracting(Rejection::message).containsExactly(
                "line 4: meter m-1 of building b-2 is already registered to building b-1 on line 2; a meter "
                        + "belongs to one building",
                "line 6: meter m-3 appears twice in building b-3 (also on line 5)");
        assertThat(file.entries()).extracting(e -> e.building().buildingId()).containsExactly("b-1");
    }

    @Test
    void aFileWhoseHeaderIsNotUsableIsRejectedAsAWhole() {
        assertThatThrownBy(() -> parse("building_id,area\nb-1,100\n")).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("line 1: unknown column 'area'; the columns are building_id,name,");
        assertThatThrownBy(() -> parse("name,meter_id\nSkole,m-1\n")).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("line 1: the header has no column building_id");
        assertThatThrownBy(() -> parse("building_id,name,Name\n")).isInstanceOf(MalformedFileException.class)
                .hasMessage("line 1: column 'Name' appears twice");
        assertThatThrownBy(() -> parse("building_id,lat\n")).isInstanceOf(MalformedFileException.class)
                .hasMessage("line 1: columns [lat, lon] go together; the header has only [lat]");
        assertThatThrownBy(() -> parse("# only a comment\n")).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("the file is empty");
    }
}
