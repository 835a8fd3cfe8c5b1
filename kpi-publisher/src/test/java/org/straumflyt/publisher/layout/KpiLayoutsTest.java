package org.straumflyt.publisher.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.AnnualBasis;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.PortfolioCategory;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.write.InfluxPointStoreProbe;

class KpiLayoutsTest {

    @Test
    void aCostRecordGoesToTheMeasurementOfItsPeriodAtItsStart() {
        org.straumflyt.model.BuildingCost month = new org.straumflyt.model.BuildingCost("skole-1", "3201",
                org.straumflyt.model.BiddingZone.NO1, "naering-liten@2026-01-01#0a1b2c3d", "Europe/Oslo",
                org.straumflyt.model.BuildingCost.MONTH, Instant.parse("2026-01-31T23:00:00Z"),
                Instant.parse("2026-02-28T23:00:00Z"), null, java.time.YearMonth.of(2026, 2), 9968, 5, 11422.4,
                199.36, 3635.2, 1000, 350, 1348.67, 17955.63, 4488.91, 5, 46.0, true, 1.0, Set.of(), 3);

        List<KpiPoint> points = KpiLayouts.points(month);

        assertThat(points).extracting(KpiPoint::measurement).containsExactly("building_cost_monthly");
        assertThat(points.get(0).time()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(points.get(0).tags()).containsEntry("building", "skole-1").containsEntry("municipality", "3201");
        assertThat(points.get(0).fields()).containsEntry("capacity_nok", 1000.0).containsEntry("bidding_zone", "NO1")
                .containsEntry("prices_complete", true).containsEntry("revision", 3L);
    }

    @Test
    void meterHourBecomesOnePointAtTheStartOfItsHour() {
        // Given a meter-hour without a building and without a peak
        MeterHour hour = new MeterHour("7359992890000000", "import", Carrier.ELECTRICITY, null,
                Instant.parse("2025-01-15T07:00:00Z"), 12.5, null, 0.75, EnergySource.POWER,
                Set.of(QualityFlag.ESTIMATED), 2);

        // When it is mapped
        List<KpiPoint> points = KpiLayouts.points(hour);

        // Then the line protocol is exactly the documented one
        assertThat(points).hasSize(1);
        assertThat(InfluxPointStoreProbe.lineProtocol(points.get(0))).isEqualTo(
                "meter_hourly,carrier=electricity,meter=7359992890000000,register=import "
                        + "building_id=\"unassigned\",coverage=0.75,energy_kwh=12.5,estimated=true,"
                        + "flags=\"estimated\",revision=2i,source=\"power\" 1736924400");
    }

    @Test
    void recordsOfTheQuarterHourTopicsGoToTheQuarterHourMeasurements() {
        Topics topics = Topics.withPrefix("x.");
        MeterHour quarter = new MeterHour("7359992890000000", "import", Carrier.ELECTRICITY, "skole-1",
                Instant.parse("2025-01-15T07:45:00Z"), 5.853, 31.2, 1.0, EnergySource.REGISTER, Set.of(), 1);
        BuildingHour buildingQuarter = new BuildingHour("skole-1", "3024", BuildingCategory.SCHOOL,
                Instant.parse("2025-01-15T07:45:00Z"), Map.of(Carrier.ELECTRICITY, new CarrierEnergy(5.853, 0, 31.2)),
                5.853, 0, null, 31.2, 1, 2, 1.0, Set.of(QualityFlag.MISSING_METERS), 1);

        List<KpiPoint> meter = KpiLayouts.points(topics.meterQuarterHourly().name(), quarter);
        List<KpiPoint> building = KpiLayouts.points(topics.buildingQuarterHourly().name(), buildingQuarter);

        assertThat(InfluxPointStoreProbe.lineProtocol(meter.get(0))).isEqualTo(
                "meter_quarter_hourly,carrier=electricity,meter=7359992890000000,register=import "
                        + "building_id=\"skole-1\",coverage=1.0,energy_kwh=5.853,estimated=false,flags=\"\","
                        + "peak_kw=31.2,revision=1i,source=\"register\" 1736927100");
        assertThat(building).extracting(KpiPoint::measurement)
                .containsExactly("building_quarter_hourly", "building_quarter_hourly_carrier");
        assertThat(building.get(0).fields()).containsEntry("import_kwh", 5.853)
                .containsEntry("flags", "missing_meters");
        // the same records on the hourly topics are hours
        assertThat(KpiLayouts.points(topics.meterHourly().name(), quarter)).extracting(KpiPoint::measurement)
                .containsExactly("meter_hourly");
        assertThat(KpiLayouts.points(topics.buildingHourly().name(), buildingQuarter).get(0).measurement())
                .isEqualTo("building_hourly");
    }

    @Test
    void buildingHourBecomesATotalPointAndOnePointPerCarrier() {
        BuildingHour hour = new BuildingHour("skole-1", "3024", BuildingCategory.SCHOOL,
                Instant.parse("2025-01-15T07:00:00Z"),
                Map.of(Carrier.ELECTRICITY, new CarrierEnergy(10, 1, 12.0),
                        Carrier.DISTRICT_HEATING, new CarrierEnergy(20, 0, null)),
                30, 1, 0.03, 12.0, 2, 2, 1.0, Set.of(), 5);

        List<KpiPoint> points = KpiLayouts.points(hour);

        assertThat(points).extracting(KpiPoint::measurement)
                .containsExactly("building_hourly", "building_hourly_carrier", "building_hourly_carrier");
        assertThat(points.get(2).tags()).containsEntry("carrier", "district_heating")
                .containsEntry("category", "school");
        assertThat(points.get(2).fields()).doesNotContainKey("peak_kw").containsEntry("revision", 5L);
    }

    @Test
    void daysAndMonthsAreStampedAtLocalMidnightOfTheBuildingsZone() {
        BuildingDaily summerDay = new BuildingDaily("b", "3024", null, LocalDate.of(2025, 7, 1), "Europe/Oslo",
                24, 24, Map.of(), 1, 0, null, null, null, null, null, null, 1, 1, Set.of(), 1);
        BuildingMonthly march = new BuildingMonthly("b", "3024", null, YearMonth.of(2025, 3), null, 31,
                Map.of(), 1, 0, null, null, List.of(), null, null, null, null, 1, Set.of(), 1);

        assertThat(KpiLayouts.points(summerDay).get(0).time()).isEqualTo(Instant.parse("2025-06-30T22:00:00Z"));
        assertThat(KpiLayouts.points(march).get(0).time()).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(KpiLayouts.points(march).get(0).tags()).doesNotContainKey("category");
    }

    @Test
    void aReattributedMeterHourKeepsItsPointIdentity() {
        // Given one meter-hour before and after the registry assigned its meter to a building
        Instant hourStart = Instant.parse("2025-01-15T07:00:00Z");
        MeterHour unassigned = new MeterHour("m-1", "import", Carrier.ELECTRICITY, null, hourStart, 1.0, null, 1.0,
                EnergySource.REGISTER, Set.of(), 1);
        MeterHour assigned = new MeterHour("m-1", "import", Carrier.ELECTRICITY, "skole-1", hourStart, 1.0, null,
                1.0, EnergySource.REGISTER, Set.of(), 2);

        // When both are mapped
        KpiPoint before = KpiLayouts.points(unassigned).get(0);
        KpiPoint after = KpiLayouts.points(assigned).get(0);

        // Then they are the same point (the later overwrites the earlier), the building being a field
        assertThat(after.identity()).isEqualTo(before.identity());
        assertThat(before.fields()).containsEntry("building_id", "unassigned");
        assertThat(after.fields()).containsEntry("building_id", "skole-1");
    }

    @Test
    void questDbTablesDeduplicateOnTimeAndEveryTag() {
        String ddl = QuestDbTables.createStatement(KpiLayouts.METER_HOURLY);

        assertThat(ddl).isEqualTo("CREATE TABLE IF NOT EXISTS \"meter_hourly\" (\"meter\" SYMBOL, "
                + "\"register\" SYMBOL, \"carrier\" SYMBOL, \"building_id\" VARCHAR, \"energy_kwh\" DOUBLE, "
                + "\"peak_kw\" DOUBLE, \"coverage\" DOUBLE, \"source\" VARCHAR, \"estimated\" BOOLEAN, "
                + "\"flags\" VARCHAR, \"revision\" LONG, \"time\" TIMESTAMP) TIMESTAMP(\"time\") PARTITION BY DAY "
                + "WAL DEDUP UPSERT KEYS(\"time\", \"meter\", \"register\", \"carrier\")");
        assertThat(QuestDbTables.tableNames()).containsExactly("meter_hourly", "building_hourly",
                "building_hourly_carrier", "building_daily", "building_daily_carrier", "building_monthly",
                "building_monthly_carrier", "portfolio", "portfolio_category", "meter_quarter_hourly",
                "building_quarter_hourly", "building_quarter_hourly_carrier", "building_cost_hourly",
                "building_cost_daily", "building_cost_monthly");
    }

    @Test
    void portfolioBecomesAMunicipalityPointAndOnePointPerCategoryAtLocalMidnightOfTheFirstDay() {
        // Given a year-to-date record with two categories and no renewable share
        PortfolioKpi ytd = new PortfolioKpi("3201", PortfolioPeriod.YEAR_TO_DATE, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 3), "Europe/Oslo", 3, 3, 6000, 4500, 100, 5388, 0.75, 5388.0 / 6000, 0.875,
                AnnualBasis.PART_OF_YEAR, 0.95, 4, 3, 75.0, 2, 200.0 / 3, 2, 0.5, 3000, 0.5, 120, null, null, 9, 8, 7,
                3550.0 / 4500,
                List.of(new PortfolioCategory(BuildingCategory.SCHOOL, 2, 4000, 3300, 3588, 0.825, 0.897, 4.0 / 6),
                        new PortfolioCategory(BuildingCategory.OFFICE, 1, 2000, 1200, 1800, 0.6, 0.9, 1)),
                7.0 / 9, Set.of(QualityFlag.GAP), 4);

        // When it is mapped
        List<KpiPoint> points = KpiLayouts.points(ytd);

        // Then the municipality's point carries the indicators, each category its own point
        assertThat(points).extracting(KpiPoint::measurement)
                .containsExactly("portfolio", "portfolio_category", "portfolio_category");
        assertThat(points).allSatisfy(p -> assertThat(p.time()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z")));
        assertThat(points.get(0).tags()).isEqualTo(Map.of("municipality", "3201", "period", "year_to_date"));
        assertThat(points.get(0).fields()).containsEntry("kwh_per_m2", 0.75)
                .containsEntry("smart_meter_percent", 75.0).containsEntry("smart_electricity_meters", 3L)
                .containsEntry("integrated_building_percent", 200.0 / 3).containsEntry("integrated_buildings", 2L)
                .containsEntry("fresh_meter_share", 0.5).containsEntry("live_area_share", 0.5)
                .containsEntry("annual_basis", "part_of_year").containsEntry("yearly_min_coverage", 0.95)
                .containsEntry("complete_building_days", 7L).containsEntry("energy_coverage", 3550.0 / 4500)
                .containsEntry("period_end", "2026-01-03")
                .containsEntry("flags", "gap").containsEntry("revision", 4L).doesNotContainKey("renewable_percent")
                .doesNotContainKey("smart_meter_share");
        assertThat(points.get(1).tags()).containsEntry("category", "school");
        assertThat(points.get(1).fields()).containsEntry("kwh_per_m2", 0.825).containsEntry("buildings", 2L);
    }
}
