package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.straumflyt.tools.opendata.Fixtures.building;
import static org.straumflyt.tools.opendata.Fixtures.day;
import static org.straumflyt.tools.opendata.Fixtures.month;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;

class OpenDataSelectorTest {
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);
    private final OpenDataSelector selector = new OpenDataSelector("3201", ExportPeriod.parse("2026-01", "2026-01"), 3);

    @Test
    void personalBuildingsNeverHaveDailyRows() {
        Map<String, Building> registry = registry(building("school-1", BuildingCategory.SCHOOL, 1000, false),
                building("housing-1", BuildingCategory.OTHER, 80, true));
        List<BuildingDaily> days = List.of(day("school-1", BuildingCategory.SCHOOL, JAN_10, 1),
                day("housing-1", BuildingCategory.OTHER, JAN_10, 1));

        Selection selection = selector.select(new KpiSnapshot(registry, days, List.of(), 0));

        assertThat(selection.daily()).extracting(DailyRow::buildingId).containsExactly("school-1");
    }

    @Test
    void personalBuildingsAppearMonthlyOnlyAsTheSumOfAtLeastThreeOfACategory() {
        Map<String, Building> registry = registry(building("school-1", BuildingCategory.SCHOOL, 1000, false),
                building("housing-1", BuildingCategory.OTHER, 80, true),
                building("housing-2", BuildingCategory.OTHER, 100, true),
                building("housing-3", BuildingCategory.OTHER, 120, true));
        List<BuildingMonthly> months = List.of(month("school-1", BuildingCategory.SCHOOL, JANUARY, 1, 1000),
                month("housing-1", BuildingCategory.OTHER, JANUARY, 1, 80),
                month("housing-2", BuildingCategory.OTHER, JANUARY, 2, 100),
                month("housing-3", BuildingCategory.OTHER, JANUARY, 1, 120));

        Selection selection = selector.select(new KpiSnapshot(registry, List.of(), months, 0));

        assertThat(selection.monthly()).extracting(MonthlyRow::buildingId)
                .containsExactly("aggregate:personal:other", "school-1");
        MonthlyRow aggregate = selection.monthly().get(0);
        // 3000 + 6000 + 3000 kWh over 80 + 100 + 120 m²
        assertThat(aggregate.buildingCount()).isEqualTo(3);
        assertThat(aggregate.importKwh()).isEqualTo(12_000);
        assertThat(aggregate.importByCarrier()).isEqualTo(Map.of(Carrier.ELECTRICITY, 12_000.0));
        assertThat(aggregate.heatedAreaM2()).isEqualTo(300);
        assertThat(aggregate.kwhPerM2()).isEqualTo(40);
        assertThat(aggregate.correctedKwh()).isEqualTo(11_400);
        assertThat(aggregate.peakHourStart()).isNull();
        assertThat(aggregate.degreeDays()).isNull();
        assertThat(aggregate.buildingName()).doesNotContain("housing");
        assertThat(selection.aggregateRows()).isEqualTo(1);
        assertThat(selection.suppressedBuildingMonths()).isZero();
    }

    @Test
    void anAggregateOfFewerThanThreeBuildingsIsSuppressed() {
        Map<String, Building> registry = registry(building("housing-1", BuildingCategory.OTHER, 80, true),
                building("housing-2", BuildingCategory.OTHER, 100, true),
                building("home-1", BuildingCategory.NURSING_HOME, 900, true));
        List<BuildingMonthly> months = List.of(month("housing-1", BuildingCategory.OTHER, JANUARY, 1, 80),
                month("housing-2", BuildingCategory.OTHER, JANUARY, 1, 100),
                month("home-1", BuildingCategory.NURSING_HOME, JANUARY, 1, 900));

        Selection selection = selector.select(new KpiSnapshot(registry, List.of(), months, 0));

        assertThat(selection.monthly()).isEmpty();
        assertThat(selection.suppressedBuildingMonths()).isEqualTo(3);
        assertThat(selection.personalBuildings()).isEqualTo(3);
    }

    @Test
    void aBuildingMissingFromTheRegistryIsLeftOutBecauseItsPrivacyIsUnknown() {
        Map<String, Building> registry = registry(building("school-1", BuildingCategory.SCHOOL, 1000, false));
        List<BuildingDaily> days = List.of(day("ghost-1", BuildingCategory.OTHER, JAN_10, 1));
        List<BuildingMonthly> months = List.of(month("ghost-1", BuildingCategory.OTHER, JANUARY, 1, 50));

        Selection selection = selector.select(new KpiSnapshot(registry, days, months, 0));

        assertThat(selection.daily()).isEmpty();
        assertThat(selection.monthly()).isEmpty();
        assertThat(selection.unregisteredRecords()).isEqualTo(2);
    }

    @Test
    void keepsOnlyTheMunicipalityAndThePeriod() {
        Building other = new Building("bergen-1", "Bergen school", "4601", BuildingCategory.SCHOOL, 500, null, null,
                null, false, List.of());
        Map<String, Building> registry = registry(building("school-1", BuildingCategory.SCHOOL, 1000, false), other);
        BuildingDaily bergenDay = new BuildingDaily("bergen-1", "4601", BuildingCategory.SCHOOL, JAN_10, "Europe/Oslo",
                24, 24, Map.of(), 1, 0, null, null, null, null, null, null, 1, 1, null, 1);
        List<BuildingDaily> days = List.of(day("school-1", BuildingCategory.SCHOOL, JAN_10, 1),
                day("school-1", BuildingCategory.SCHOOL, LocalDate.of(2026, 2, 1), 1), bergenDay);
        List<BuildingMonthly> months = List.of(month("school-1", BuildingCategory.SCHOOL, JANUARY, 1, 1000),
                month("school-1", BuildingCategory.SCHOOL, YearMonth.of(2025, 12), 1, 1000));

        Selection selection = selector.select(new KpiSnapshot(registry, days, months, 0));

        assertThat(selection.daily()).extracting(DailyRow::date).containsExactly(JAN_10);
        assertThat(selection.monthly()).extracting(MonthlyRow::month).containsExactly(JANUARY);
    }

    @Test
    void aMonthOnlyPartlyInsideADatePeriodIsNotPublished() {
        OpenDataSelector midMonth = new OpenDataSelector("3201", ExportPeriod.parse("2026-01-15", "2026-02-28"), 3);
        Map<String, Building> registry = registry(building("school-1", BuildingCategory.SCHOOL, 1000, false));
        List<BuildingMonthly> months = List.of(month("school-1", BuildingCategory.SCHOOL, JANUARY, 1, 1000),
                month("school-1", BuildingCategory.SCHOOL, YearMonth.of(2026, 2), 1, 1000));

        Selection selection = midMonth.select(new KpiSnapshot(registry, List.of(), months, 0));

        assertThat(selection.monthly()).extracting(MonthlyRow::month).containsExactly(YearMonth.of(2026, 2));
    }

    @Test
    void refusesAggregatesSmallerThanThree() {
        assertThatThrownBy(() -> new OpenDataSelector("3201", ExportPeriod.parse("2026-01", "2026-01"), 2))
                .hasMessage("an aggregate must hold at least 3 buildings, got 2");
    }

    private static Map<String, Building> registry(Building... buildings) {
        return java.util.Arrays.stream(buildings)
                .collect(java.util.stream.Collectors.toMap(Building::buildingId, b -> b));
    }
}
