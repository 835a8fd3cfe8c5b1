package org.straumflyt.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterShare;
import org.straumflyt.model.MeterSpec;

/** Meter trees in the registry import: a valid tree is read whole, an invalid one is rejected with its reason. */
class RegistryTreeImportTest {
    private static final String HEADER = "building_id,meter_id,carrier,role,parent_meter_id,end_use,shares\n";

    private static RegistryFile parse(String csv) throws Exception {
        return RegistryFormat.CSV.parse(new BufferedReader(new StringReader(HEADER + csv)));
    }

    /** The rejection messages of a file. */
    private static List<String> rejections(String csv) throws Exception {
        RegistryFile file = parse(csv);
        assertThat(file.entries()).as("no building of a rejected tree is written").isEmpty();
        return file.rejections().stream().map(Rejection::message).toList();
    }

    @Test
    void readsAMainMeterWithThreeSubMetersAndTheirEndUses() throws Exception {
        RegistryFile file = parse("""
                skole,el-main,electricity,main,,,skole:0.75 hall:0.25
                skole,el-vent,electricity,sub,el-main,fans,
                skole,el-ev,electricity,sub,el-main,ev_charging,
                skole,el-kitchen,electricity,sub,el-main,technical_equipment,
                skole,fv,district_heating,,,,
                """);

        assertThat(file.rejections()).isEmpty();
        List<MeterSpec> meters = file.entries().get(0).building().meters();
        assertThat(meters.get(0).meterRole()).isEqualTo(MeterRole.MAIN);
        assertThat(meters.get(0).shares()).containsExactly(new MeterShare("skole", 0.75), new MeterShare("hall", 0.25));
        assertThat(meters.get(1).parentMeterId()).isEqualTo("el-main");
        assertThat(meters.get(1).endUse()).isEqualTo(EndUse.FANS);
        assertThat(meters.get(2).endUse()).isEqualTo(EndUse.EV_CHARGING);
        assertThat(meters.get(4).role()).as("no role given: a main meter, as before trees").isNull();
        assertThat(meters.get(4).meterRole()).isEqualTo(MeterRole.MAIN);
    }

    @Test
    void readsTheDocumentedTreeExample() throws Exception {
        RegistryFile file = RegistryFormat.CSV.parse(java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("../docs/examples/registry-tree.csv"), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(file.rejections()).isEmpty();
        assertThat(file.entries().get(0).building().meters()).extracting(MeterSpec::meterRole).containsExactly(
                MeterRole.MAIN, MeterRole.SUB, MeterRole.SUB, MeterRole.SUB, MeterRole.VIRTUAL, MeterRole.MAIN);
    }

    @Test
    void rejectsACycle() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,s1,electricity,sub,s2,,
                b,s2,electricity,sub,s1,,
                """)).anyMatch(m -> m.startsWith("line 3: ") && m.contains("cycle") && m.contains("[cycle]"))
                .anyMatch(m -> m.startsWith("line 4: ") && m.contains("[cycle]"));
    }

    @Test
    void rejectsAParentTheBuildingDoesNotList() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,s1,electricity,sub,nowhere,,
                """)).containsExactly("line 3: meter tree of building b: meter s1 names parent nowhere, which the building"
                + " does not list [parent_missing]");
    }

    @Test
    void rejectsAParentOfAnotherCarrier() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,heat,district_heating,sub,main,space_heating,
                """)).singleElement().asString().contains("[parent_other_carrier]").startsWith("line 3: ");
    }

    @Test
    void rejectsASubMeterWithoutAMainAboveIt() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,s1,electricity,sub,,lighting,
                """)).singleElement().asString().contains("[no_main_above]").contains("s1");
    }

    @Test
    void rejectsFractionsThatDoNotSumToOne() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,b:0.6 c:0.3
                """)).singleElement().asString().contains("[shares]").contains("0.9");
    }

    @Test
    void rejectsAMainMeterWithAParentAndAVirtualMeterWithout() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,main2,electricity,main,main,,
                b,rest,electricity,virtual,,other,
                """)).hasSize(2).anyMatch(m -> m.contains("[main_with_parent]"))
                .anyMatch(m -> m.contains("[virtual_without_parent]"));
    }

    @Test
    void rejectsADuplicateMeterOnceWithBothLines() throws Exception {
        assertThat(rejections("""
                b,main,electricity,main,,,
                b,main,electricity,main,,,
                """)).singleElement().asString().contains("appears twice").contains("also on line 2");
    }

    @Test
    void rejectsAnInvalidTreeInAJsonRecordAndReadsAValidOne() throws Exception {
        String json = """
                [
                  {"buildingId": "ok", "heatedAreaM2": 100, "personalData": false, "meters": [
                    {"meterId": "m", "carrier": "electricity", "registers": ["import"], "role": "main"},
                    {"meterId": "s", "carrier": "electricity", "registers": ["import"], "role": "sub",
                     "parentMeterId": "m", "endUse": "pumps"}]},
                  {"buildingId": "bad", "heatedAreaM2": 100, "personalData": false, "meters": [
                    {"meterId": "m2", "carrier": "electricity", "registers": ["import"], "role": "main",
                     "shares": [{"buildingId": "bad", "fraction": 0.5}]}]}
                ]
                """;
        RegistryFile file = RegistryFormat.JSON.parse(new BufferedReader(new StringReader(json)));

        assertThat(file.entries()).extracting(e -> e.building().buildingId()).containsExactly("ok");
        assertThat(file.entries().get(0).building().meters().get(1).endUse()).isEqualTo(EndUse.PUMPS);
        assertThat(file.rejections()).singleElement().extracting(Rejection::message).asString()
                .contains("[shares]").contains("sum to 0.5");
    }
}
