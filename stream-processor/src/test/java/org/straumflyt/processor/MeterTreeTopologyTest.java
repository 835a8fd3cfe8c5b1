package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterShare;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.MeterTrees;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;

/**
 * A building with a main meter and three sub-meters through the whole topology: the building's total is the main meter,
 * the sub-meters give the end uses, the rest is what they leave; corrections follow; an invalid tree is never applied.
 */
class MeterTreeTopologyTest {
    private static final double EPS = 1e-9;
    private static final String DAY = "2026-11-23T";
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Reading reg(String meter, String time, double kwh) {
        return Reading.register(meter, "import", kwh, Instant.parse(DAY + time + "Z"), Carrier.ELECTRICITY);
    }

    private static MeterSpec sub(String id, String parent, EndUse use) {
        return MeterSpec.of(id, Carrier.ELECTRICITY).inTree(MeterRole.SUB, parent, use);
    }

    /** main; vent (fans), ev (EV charging), kitchen (technical equipment) behind it; the rest is lighting. */
    private static List<MeterSpec> tree() {
        return List.of(MeterSpec.of("main", Carrier.ELECTRICITY).inTree(MeterRole.MAIN, null, null),
                sub("vent", "main", EndUse.FANS), sub("ev", "main", EndUse.EV_CHARGING),
                sub("kitchen", "main", EndUse.TECHNICAL_EQUIPMENT),
                MeterSpec.of("rest", Carrier.ELECTRICITY).inTree(MeterRole.VIRTUAL, "main", EndUse.LIGHTING));
    }

    private static Building school(List<MeterSpec> meters) {
        return new Building("school", "school", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                meters);
    }

    /** Over hour 06: main 100 kWh, vent 30, ev 20, kitchen 10. */
    private void readings(double kitchenEnd) {
        fixture.sendAll(List.of(reg("main", "06:00:00", 1000), reg("main", "07:00:00", 1100),
                reg("vent", "06:00:00", 0), reg("vent", "07:00:00", 30), reg("ev", "06:00:00", 0),
                reg("ev", "07:00:00", 20), reg("kitchen", "06:00:00", 0), reg("kitchen", "07:00:00", kitchenEnd)));
    }

    private BuildingHour hour06() {
        return fixture.buildingHour("school", DAY + "06:00:00Z");
    }

    @Test
    void shouldTakeTheTotalFromTheMainMeterAndBreakItDownByTheSubMeters() {
        fixture.register(school(tree()));
        readings(10);

        BuildingHour hour = hour06();
        assertThat(hour.importKwh()).as("the main meter, not main + subs (160)").isCloseTo(100, within(EPS));
        assertThat(hour.carriers().get(Carrier.ELECTRICITY).importKwh()).isCloseTo(100, within(EPS));
        assertThat(hour.kwhPerM2()).isCloseTo(0.1, within(EPS));
        EndUseBreakdown el = hour.breakdown().get(Carrier.ELECTRICITY);
        assertThat(el.endUses()).containsOnlyKeys(EndUse.FANS, EndUse.EV_CHARGING, EndUse.TECHNICAL_EQUIPMENT,
                EndUse.LIGHTING);
        assertThat(el.endUses().get(EndUse.FANS)).isCloseTo(30, within(EPS));
        assertThat(el.endUses().get(EndUse.EV_CHARGING)).isCloseTo(20, within(EPS));
        assertThat(el.endUses().get(EndUse.TECHNICAL_EQUIPMENT)).isCloseTo(10, within(EPS));
        assertThat(el.endUses().get(EndUse.LIGHTING)).as("the rest, named by the virtual meter")
                .isCloseTo(40, within(EPS));
        assertThat(el.unmeteredKwh()).isCloseTo(40, within(EPS));
        assertThat(el.fromSubMeters()).isFalse();
        assertThat(hour.metersReporting()).isEqualTo(4);
        assertThat(hour.metersExpected()).as("a virtual meter never reports").isEqualTo(4);
        assertThat(hour.coverage()).isCloseTo(1, within(EPS));
        assertThat(hour.flags()).doesNotContain(QualityFlag.SUB_METERS_EXCEED_MAIN, QualityFlag.MISSING_METERS);
        var day = fixture.day("school", "2026-11-23");
        assertThat(day.importKwh()).as("the day follows the hours").isCloseTo(100, within(EPS));
        assertThat(day.breakdown().get(Carrier.ELECTRICITY).endUses().get(EndUse.FANS)).isCloseTo(30, within(EPS));
        assertThat(day.breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isCloseTo(40, within(EPS));
        var month = fixture.month("school", "2026-11");
        assertThat(month.importKwh()).isCloseTo(100, within(EPS));
        assertThat(month.breakdown().get(Carrier.ELECTRICITY).endUses().get(EndUse.EV_CHARGING))
                .isCloseTo(20, within(EPS));
    }

    @Test
    void shouldFlagSubMetersThatReadMoreThanTheirMainAndFollowTheCorrection() {
        fixture.register(school(tree()));
        // the kitchen meter's 07:00 reading is late: its 120 kWh from 06:00 to 08:00 is spread, 60 kWh in hour 06,
        // so the sub-meters read 30 + 20 + 60 = 110 kWh behind a main meter of 100
        fixture.sendAll(List.of(reg("main", "06:00:00", 1000), reg("main", "07:00:00", 1100),
                reg("vent", "06:00:00", 0), reg("vent", "07:00:00", 30), reg("ev", "06:00:00", 0),
                reg("ev", "07:00:00", 20), reg("kitchen", "06:00:00", 0), reg("kitchen", "08:00:00", 120)));

        BuildingHour wrong = hour06();
        assertThat(wrong.importKwh()).isCloseTo(100, within(EPS));
        assertThat(wrong.breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isCloseTo(-10, within(EPS));
        assertThat(wrong.flags()).contains(QualityFlag.SUB_METERS_EXCEED_MAIN);

        // when the late reading arrives, the kitchen's hour is corrected to 10 kWh and the building-hour follows
        fixture.sendAll(List.of(reg("kitchen", "07:00:00", 10)));

        BuildingHour corrected = hour06();
        assertThat(corrected.revision()).isGreaterThan(wrong.revision());
        assertThat(corrected.importKwh()).isCloseTo(100, within(EPS));
        assertThat(corrected.breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isCloseTo(40, within(EPS));
        assertThat(corrected.breakdown().get(Carrier.ELECTRICITY).endUses().get(EndUse.TECHNICAL_EQUIPMENT))
                .isCloseTo(10, within(EPS));
        assertThat(corrected.flags()).doesNotContain(QualityFlag.SUB_METERS_EXCEED_MAIN);
    }

    @Test
    void shouldTakeTheTotalFromParentlessSubMetersWhereTheBuildingHasNoMainMeterAndSaySo() {
        fixture.register(school(List.of(MeterSpec.of("vent", Carrier.ELECTRICITY).inTree(MeterRole.SUB, null,
                EndUse.FANS), MeterSpec.of("ev", Carrier.ELECTRICITY).inTree(MeterRole.SUB, null, EndUse.EV_CHARGING))));
        fixture.sendAll(List.of(reg("vent", "06:00:00", 0), reg("vent", "07:00:00", 30), reg("ev", "06:00:00", 0),
                reg("ev", "07:00:00", 20)));

        BuildingHour hour = hour06();
        assertThat(hour.importKwh()).isCloseTo(50, within(EPS));
        assertThat(hour.breakdown().get(Carrier.ELECTRICITY).fromSubMeters()).isTrue();
        assertThat(hour.breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isNull();
    }

    @Test
    void shouldCountASharedMainMeterWithTheBuildingsFraction() {
        fixture.register(school(List.of(MeterSpec.of("main", Carrier.ELECTRICITY)
                .withShares(List.of(new MeterShare("school", 0.75), new MeterShare("hall", 0.25))),
                sub("vent", "main", EndUse.FANS))));
        fixture.sendAll(List.of(reg("main", "06:00:00", 1000), reg("main", "07:00:00", 1100),
                reg("vent", "06:00:00", 0), reg("vent", "07:00:00", 30)));

        BuildingHour hour = hour06();
        assertThat(hour.importKwh()).isCloseTo(75, within(EPS));
        assertThat(hour.breakdown().get(Carrier.ELECTRICITY).endUses().get(EndUse.FANS)).isCloseTo(22.5, within(EPS));
        assertThat(hour.breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isCloseTo(52.5, within(EPS));
    }

    @Test
    void shouldReAttributeTheHeldHoursWhenASubMeterIsAddedToTheTree() {
        // the kitchen meter is first registered as a main meter of its own (double counted: 110), then put behind main
        List<MeterSpec> flat = new ArrayList<>(tree());
        flat.set(3, MeterSpec.of("kitchen", Carrier.ELECTRICITY));
        fixture.register(school(flat));
        readings(10);
        assertThat(hour06().importKwh()).isCloseTo(110, within(EPS));

        fixture.register(school(tree()));

        assertThat(hour06().importKwh()).isCloseTo(100, within(EPS));
        assertThat(hour06().breakdown().get(Carrier.ELECTRICITY).unmeteredKwh()).isCloseTo(40, within(EPS));
        assertThat(fixture.day("school", "2026-11-23").importKwh()).isCloseTo(100, within(EPS));
    }

    /** One invalid change of the valid tree per kind of problem. */
    private static UnaryOperator<List<MeterSpec>> breaking(MeterTrees.Kind kind) {
        return meters -> {
            List<MeterSpec> m = new ArrayList<>(meters);
            switch (kind) {
                case DUPLICATE_METER -> m.add(sub("vent", "main", EndUse.PUMPS));
                case PARENT_MISSING -> m.set(1, sub("vent", "nowhere", EndUse.FANS));
                case PARENT_OTHER_CARRIER -> m.set(1, MeterSpec.of("vent", Carrier.DISTRICT_HEATING)
                        .inTree(MeterRole.SUB, "main", EndUse.FANS));
                case PARENT_VIRTUAL -> m.set(1, sub("vent", "rest", EndUse.FANS));
                case CYCLE -> {
                    m.set(1, sub("vent", "ev", EndUse.FANS));
                    m.set(2, sub("ev", "vent", EndUse.EV_CHARGING));
                }
                case MAIN_WITH_PARENT -> m.set(1, MeterSpec.of("vent", Carrier.ELECTRICITY)
                        .inTree(MeterRole.MAIN, "main", EndUse.FANS));
                case VIRTUAL_WITHOUT_PARENT -> m.set(4, MeterSpec.of("rest", Carrier.ELECTRICITY)
                        .inTree(MeterRole.VIRTUAL, null, EndUse.LIGHTING));
                case NO_MAIN_ABOVE -> m.set(1, sub("vent", null, EndUse.FANS));
                case SHARES -> m.set(0, m.get(0).withShares(List.of(new MeterShare("school", 0.5),
                        new MeterShare("hall", 0.4))));
                default -> throw new IllegalArgumentException(kind.toString());
            }
            return m;
        };
    }

    @ParameterizedTest
    @EnumSource(MeterTrees.Kind.class)
    void shouldKeepThePreviousEntryWhenATreeIsInvalidAndCountIt(MeterTrees.Kind kind) {
        fixture.register(school(tree()));
        readings(10);
        assertThat(hour06().importKwh()).isCloseTo(100, within(EPS));
        Building invalid = school(breaking(kind).apply(tree()));
        assertThat(MeterTrees.problems(invalid)).extracting(MeterTrees.Problem::kind).contains(kind);

        fixture.register(invalid);
        readings(10);

        BuildingHour hour = hour06();
        assertThat(hour.importKwh()).isCloseTo(100, within(EPS));
        assertThat(hour.breakdown().get(Carrier.ELECTRICITY).endUses().get(EndUse.FANS)).isCloseTo(30, within(EPS));
        assertThat(fixture.meterHour("vent", "import", DAY + "06:00:00Z").buildingId()).isEqualTo("school");
        assertThat(fixture.counter("straumflyt.processor.registry.rejected", "reason",
                MeterTrees.problems(invalid).get(0).kind().wireName())).isEqualTo(1);
    }
}
