package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.simulator.truth.IndicatorTruth;
import org.straumflyt.simulator.truth.PortfolioTruth;
import org.straumflyt.simulator.verify.Verifier;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/**
 * The verifier reads a real QuestDB. The tables here have no upsert keys, as a store written by an older layout may
 * not, so that the same hour can be stored twice; the verifier must report that, not keep one of the rows.
 */
@ExtendWith(QuestDbExtension.class)
class VerifierTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOUR_1 = "2026-11-20T00:00:00Z";
    private static final String HOUR_2 = "2026-11-20T01:00:00Z";

    private final QuestDbServer questDb;
    private final String municipality = "v" + UUID.randomUUID().toString().substring(0, 8);
    private final String meter;
    private final String building;

    VerifierTest(QuestDbServer questDb) {
        this.questDb = questDb;
        this.building = municipality + "-b001";
        this.meter = "el-" + building + "-m1";
    }

    @BeforeEach
    void createTables() {
        questDb.exec("CREATE TABLE IF NOT EXISTS meter_hourly (meter SYMBOL, register SYMBOL, carrier SYMBOL, "
                + "building_id VARCHAR, energy_kwh DOUBLE, estimated BOOLEAN, revision LONG, time TIMESTAMP) "
                + "TIMESTAMP(time) PARTITION BY DAY WAL");
        questDb.exec("CREATE TABLE IF NOT EXISTS building_hourly (building SYMBOL, import_kwh DOUBLE, revision LONG, "
                + "time TIMESTAMP) TIMESTAMP(time) PARTITION BY DAY WAL");
        questDb.exec("CREATE TABLE IF NOT EXISTS meter_quarter_hourly (meter SYMBOL, register SYMBOL, carrier SYMBOL, "
                + "building_id VARCHAR, energy_kwh DOUBLE, estimated BOOLEAN, revision LONG, time TIMESTAMP) "
                + "TIMESTAMP(time) PARTITION BY DAY WAL");
        questDb.exec("CREATE TABLE IF NOT EXISTS building_quarter_hourly (building SYMBOL, import_kwh DOUBLE, "
                + "revision LONG, time TIMESTAMP) TIMESTAMP(time) PARTITION BY DAY WAL");
        questDb.exec("CREATE TABLE IF NOT EXISTS portfolio (municipality SYMBOL, period SYMBOL, buildings LONG, "
                + "electricity_meters LONG, smart_electricity_meters LONG, smart_meter_percent DOUBLE, "
                + "integrated_buildings LONG, integrated_building_percent DOUBLE, fresh_meter_share DOUBLE, "
                + "period_end VARCHAR, days LONG, area_m2 DOUBLE, import_kwh DOUBLE, kwh_per_m2 DOUBLE, "
                + "corrected_kwh DOUBLE, corrected_kwh_per_m2 DOUBLE, corrected_coverage DOUBLE, renewable_kwh DOUBLE, "
                + "renewable_percent DOUBLE, expected_building_days LONG, building_days_with_data LONG, "
                + "complete_building_days LONG, coverage DOUBLE, energy_coverage DOUBLE, "
                + "time TIMESTAMP) TIMESTAMP(time) PARTITION BY DAY WAL");
    }

    @Test
    void portfolioRowsWithTheRegistrysIndicatorsPass(@TempDir Path truth) throws Exception {
        // Given a registry of 4 buildings, 1 of 4 electricity meters smart, 2 buildings integrated, and both periods
        // stored with 25 % and 50 % (the freshness share is whatever the meters' data says)
        new IndicatorTruth(municipality, 4, 4, 1, 2).write(truth);
        storePortfolio("year_to_date", "2026-01-01T00:00:00Z", 1, 25.0, 2, 50.0);
        storePortfolio("rolling_12_months", "2025-11-20T00:00:00Z", 1, 25.0, 2, 50.0);

        // When they are verified
        Verifier.IndicatorReport report = verifyIndicators(truth);

        // Then they match
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.records()).isEqualTo(2);
    }

    @Test
    void aPortfolioRowThatCountsFreshMetersAsSmartIsRejected(@TempDir Path truth) throws Exception {
        // Given a row that calls every meter with data smart (4 of 4, 100 %) and every live building integrated
        new IndicatorTruth(municipality, 4, 4, 1, 2).write(truth);
        storePortfolio("year_to_date", "2026-01-01T00:00:00Z", 4, 100.0, 4, 100.0);

        Verifier.IndicatorReport report = verifyIndicators(truth);

        assertThat(report.ok()).isFalse();
        assertThat(report.wrong()).hasSize(1);
        assertThat(report.toString()).startsWith("MISMATCH: 1 portfolio rows");
    }

    @Test
    void noPortfolioRowIsNoMatch(@TempDir Path truth) throws Exception {
        new IndicatorTruth(municipality, 4, 4, 1, 2).write(truth);

        assertThat(verifyIndicators(truth).ok()).isFalse();
    }

    private Verifier.IndicatorReport verifyIndicators(Path truth) throws IOException, InterruptedException {
        questDb.awaitWalApplied("portfolio", WAIT);
        return new Verifier(questDb.httpUrl(), 1e-9, municipality).verifyIndicators(truth);
    }

    private void storePortfolio(String period, String time, int smart, double smartPercent, int integrated,
            double integratedPercent) {
        questDb.exec("INSERT INTO portfolio (municipality, period, buildings, electricity_meters, "
                + "smart_electricity_meters, smart_meter_percent, integrated_buildings, integrated_building_percent, "
                + "fresh_meter_share, time) VALUES ('" + municipality + "', '" + period + "', 4, 4, " + smart + ", "
                + smartPercent + ", " + integrated + ", " + integratedPercent + ", 0.75, '" + time + "')");
    }

    /** Two buildings of 1000 m² in all; 3 of their building-days have data, 1 is complete; 133 kWh. */
    private PortfolioTruth portfolioTruth() {
        return new PortfolioTruth(municipality, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"), 2,
                1000, 133, 84.5, 150, 3, 1, 3, 106.5);
    }

    @Test
    void portfolioRowsWithTheTruthsEnergyFiguresPass(@TempDir Path truth) throws Exception {
        // Given both periods ending 2026-12-06 stored as the truth says (days 340 and 365), within 1e-7 relative
        portfolioTruth().write(truth);
        storeEnergy("year_to_date", "2026-01-01T00:00:00Z", "2026-12-06", 340, 133 * (1 + 1e-7), 1);
        storeEnergy("rolling_12_months", "2025-12-07T00:00:00Z", "2026-12-06", 365, 133, 1);
        // and a rolling period of long ago, which holds none of the simulated days and is not compared
        storeEnergy("rolling_12_months", "2024-12-07T00:00:00Z", "2025-12-06", 365, 0, 0);

        Verifier.PortfolioReport report = verifyPortfolio(truth);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.compared()).containsEntry("year_to_date", 1).containsEntry("rolling_12_months", 1);
        assertThat(report.skipped()).isEqualTo(1);
    }

    @Test
    void aPortfolioRowThatCountsEveryDayWithDataAsCompleteIsRejected(@TempDir Path truth) throws Exception {
        // Given a year-to-date row that calls all 3 building-days with data complete, and energy off by 1e-5
        portfolioTruth().write(truth);
        storeEnergy("year_to_date", "2026-01-01T00:00:00Z", "2026-12-06", 340, 133 * (1 + 1e-5), 3);
        storeEnergy("rolling_12_months", "2025-12-07T00:00:00Z", "2026-12-06", 365, 133, 1);

        Verifier.PortfolioReport report = verifyPortfolio(truth);

        assertThat(report.ok()).isFalse();
        assertThat(report.wrong()).singleElement().asString().startsWith("year_to_date ending 2026-12-06")
                .contains("import_kwh expected 133.0", "complete_building_days expected 1", "coverage expected");
    }

    @Test
    void withoutAYearToDateRowHoldingTheDaysThereIsNoMatch(@TempDir Path truth) throws Exception {
        portfolioTruth().write(truth);
        storeEnergy("rolling_12_months", "2025-12-07T00:00:00Z", "2026-12-06", 365, 133, 1);

        assertThat(verifyPortfolio(truth).ok()).isFalse();
    }

    private Verifier.PortfolioReport verifyPortfolio(Path truth) throws IOException, InterruptedException {
        questDb.awaitWalApplied("portfolio", WAIT);
        return new Verifier(questDb.httpUrl(), 1e-9, municipality).verifyPortfolio(truth, 1e-6);
    }

    /** A row with the truth's figures, except the energy and complete building-days given. */
    private void storeEnergy(String period, String time, String end, int days, double importKwh, int complete) {
        PortfolioTruth t = portfolioTruth();
        questDb.exec("INSERT INTO portfolio (municipality, period, period_end, days, buildings, area_m2, import_kwh, "
                + "kwh_per_m2, corrected_kwh, corrected_kwh_per_m2, corrected_coverage, renewable_kwh, "
                + "renewable_percent, expected_building_days, building_days_with_data, complete_building_days, "
                + "coverage, energy_coverage, time) VALUES ('" + municipality + "', '" + period + "', '" + end + "', "
                + days + ", 2, 1000.0, " + importKwh + ", " + importKwh / 1000 + ", 150.0, 0.15, 1.0, 84.5, "
                + 100 * 84.5 / 133 + ", " + 2 * days + ", 3, " + complete + ", " + complete / (2.0 * days) + ", "
                + 106.5 / days / 133 + ", '" + time + "')");
    }

    @Test
    void storeEqualToTheTruthPasses(@TempDir Path truth) throws Exception {
        // Given a truth of two hours and a store holding each hour once
        writeTruth(truth);
        storeMeterHour(HOUR_1, "unassigned", 1.5, 1);
        storeMeterHour(HOUR_2, building, 2.5, 1);
        storeBuildingHour(HOUR_1, 1.5);
        storeBuildingHour(HOUR_2, 2.5);

        // When it is verified
        Verifier.Report report = verify(truth);

        // Then it matches
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.meters().matched()).isEqualTo(2);
        assertThat(report.buildings().matched()).isEqualTo(2);
    }

    @Test
    void hoursStoredTwiceAreRejectedWithMeterRegisterAndHour(@TempDir Path truth) throws Exception {
        // Given a meter-hour stored under 'unassigned' and again under its building (equal energy), and a
        // building-hour stored twice
        writeTruth(truth);
        storeMeterHour(HOUR_1, "unassigned", 1.5, 1);
        storeMeterHour(HOUR_1, building, 1.5, 2);
        storeMeterHour(HOUR_2, building, 2.5, 1);
        storeBuildingHour(HOUR_1, 1.5);
        storeBuildingHour(HOUR_2, 2.5);
        storeBuildingHour(HOUR_2, 2.5);

        // When it is verified
        Verifier.Report report = verify(truth);

        // Then both duplicates are failures that name what is duplicated, and the single hours still match
        assertThat(report.ok()).isFalse();
        assertThat(report.meters().duplicates()).singleElement().asString()
                .startsWith("meter " + meter + " register import hour " + HOUR_1 + ": 2 rows");
        assertThat(report.meters().matched()).isEqualTo(1);
        assertThat(report.buildings().duplicates()).singleElement().asString()
                .startsWith("building " + building + " hour " + HOUR_2 + ": 2 rows");
        assertThat(report.buildings().matched()).isEqualTo(1);
        assertThat(report.summary()).contains("1 duplicated", "duplicated meter " + meter);
    }

    /** The quarters of the two hours of {@link #writeTruth}: 1.5 and 2.5 kWh. */
    private static final double[] QUARTERS = {0.25, 0.5, 0.5, 0.25, 0.5, 0.75, 0.75, 0.5};

    @Test
    void quarterHoursEqualToTheTruthPassBesideTheHours(@TempDir Path truth) throws Exception {
        // Given a truth of two hours and their eight quarters, and a store holding all of them
        writeTruth(truth);
        writeQuarterTruth(truth);
        storeHours();
        for (int q = 0; q < QUARTERS.length; q++) {
            storeQuarters(q, QUARTERS[q], QUARTERS[q]);
        }

        // When it is verified
        Verifier.Report report = verify(truth);

        // Then hours and quarters match, and nothing was skipped
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.meterQuarters().matched()).isEqualTo(8);
        assertThat(report.buildingQuarters().matched()).isEqualTo(8);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.summary()).contains("meter-quarter-hours:    8 expected, 8 equal");
    }

    @Test
    void aWrongOrMissingQuarterIsAMismatchEvenWhenTheHoursMatch(@TempDir Path truth) throws Exception {
        // Given the hours right, one meter quarter shifted to its neighbour (the hour's sum unchanged) and one
        // building quarter not stored
        writeTruth(truth);
        writeQuarterTruth(truth);
        storeHours();
        for (int q = 0; q < QUARTERS.length; q++) {
            double meterKwh = q == 0 ? 0.5 : q == 1 ? 0.25 : QUARTERS[q];
            if (q != 7) {
                storeQuarters(q, meterKwh, QUARTERS[q]);
            } else {
                questDb.exec("INSERT INTO meter_quarter_hourly VALUES ('" + meter + "', 'import', 'electricity', '"
                        + building + "', " + QUARTERS[q] + ", false, 1, '" + quarter(q) + "')");
            }
        }

        Verifier.Report report = verify(truth);

        assertThat(report.ok()).isFalse();
        assertThat(report.meters().ok()).isTrue();
        assertThat(report.buildings().ok()).isTrue();
        assertThat(report.meterQuarters().wrong()).hasSize(2);
        assertThat(report.meterQuarters().wrong()).containsExactlyInAnyOrder(
                meter + "@" + quarter(0) + " expected 0.25 kWh, store has 0.5",
                meter + "@" + quarter(1) + " expected 0.5 kWh, store has 0.25");
        assertThat(report.buildingQuarters().missing()).containsExactly(building + "@" + quarter(7));
    }

    @Test
    void quarterHoursAreSkippedWithTheReasonWhenTheStoreHasNone(@TempDir Path truth) throws Exception {
        // Given a truth with quarters, and a store with the hours only (the quarter-hour stage switched off)
        writeTruth(truth);
        writeQuarterTruth(truth);
        storeHours();

        Verifier.Report report = verify(truth);

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.meterQuarters()).isNull();
        assertThat(report.buildingQuarters()).isNull();
        assertThat(report.summary()).contains("skipped meter_quarter_hourly: the store has no rows of this run",
                "skipped building_quarter_hourly: the store has no rows of this run");
    }

    @Test
    void whenQuarterHoursAreRequiredAStoreWithoutThemIsAMismatch(@TempDir Path truth) throws Exception {
        writeTruth(truth);
        writeQuarterTruth(truth);
        storeHours();
        questDb.awaitWalApplied("meter_hourly", WAIT);
        questDb.awaitWalApplied("building_hourly", WAIT);

        Verifier.Report report = new Verifier(questDb.httpUrl(), 1e-9, municipality, true).verify(truth);

        assertThat(report.ok()).isFalse();
        assertThat(report.meters().ok()).isTrue();
        assertThat(report.meterQuarters().missing()).hasSize(8);
        assertThat(report.buildingQuarters().missing()).hasSize(8);
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void anOlderTruthWithoutQuartersIsComparedByTheHours(@TempDir Path truth) throws Exception {
        writeTruth(truth);
        storeHours();
        storeQuarters(0, 0.25, 0.25);

        Verifier.Report report = verify(truth);

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.meterQuarters()).isNull();
        assertThat(report.skipped()).hasSize(2);
        assertThat(report.summary()).contains("skipped meter_quarter_hourly: the truth has no meter-quarters.csv",
                "skipped building_quarter_hourly: the truth has no building-quarters.csv");
    }

    private void storeHours() {
        storeMeterHour(HOUR_1, building, 1.5, 1);
        storeMeterHour(HOUR_2, building, 2.5, 1);
        storeBuildingHour(HOUR_1, 1.5);
        storeBuildingHour(HOUR_2, 2.5);
    }

    private static String quarter(int q) {
        return Instant.parse(HOUR_1).plusSeconds(900L * q).toString();
    }

    private void storeQuarters(int q, double meterKwh, double buildingKwh) {
        questDb.exec("INSERT INTO meter_quarter_hourly VALUES ('" + meter + "', 'import', 'electricity', '" + building
                + "', " + meterKwh + ", false, 1, '" + quarter(q) + "')");
        questDb.exec("INSERT INTO building_quarter_hourly VALUES ('" + building + "', " + buildingKwh + ", 1, '"
                + quarter(q) + "')");
    }

    private void writeQuarterTruth(Path dir) throws IOException {
        StringBuilder meters = new StringBuilder("meter_id,register,carrier,building_id,quarter_start,energy_kwh\n");
        StringBuilder buildings = new StringBuilder("building_id,quarter_start,import_kwh\n");
        for (int q = 0; q < QUARTERS.length; q++) {
            meters.append(meter).append(",import,electricity,").append(building).append(',').append(quarter(q))
                    .append(',').append(QUARTERS[q]).append('\n');
            buildings.append(building).append(',').append(quarter(q)).append(',').append(QUARTERS[q]).append('\n');
        }
        Files.writeString(dir.resolve("meter-quarters.csv"), meters, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("building-quarters.csv"), buildings, StandardCharsets.UTF_8);
    }

    private Verifier.Report verify(Path truth) throws IOException, InterruptedException {
        questDb.awaitWalApplied("meter_hourly", WAIT);
        questDb.awaitWalApplied("building_hourly", WAIT);
        questDb.awaitWalApplied("meter_quarter_hourly", WAIT);
        questDb.awaitWalApplied("building_quarter_hourly", WAIT);
        return new Verifier(questDb.httpUrl(), 1e-9, municipality).verify(truth);
    }

    private void writeTruth(Path dir) throws IOException {
        Files.writeString(dir.resolve("period.properties"), "start=" + HOUR_1 + "\nend=2026-11-20T02:00:00Z\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("meter-hours.csv"),
                "meter_id,register,carrier,building_id,hour_start,energy_kwh\n"
                + meter + ",import,electricity," + building + "," + HOUR_1 + ",1.5\n"
                + meter + ",import,electricity," + building + "," + HOUR_2 + ",2.5\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("building-hours.csv"), "building_id,hour_start,import_kwh\n"
                + building + "," + HOUR_1 + ",1.5\n" + building + "," + HOUR_2 + ",2.5\n", StandardCharsets.UTF_8);
    }

    private void storeMeterHour(String hour, String buildingId, double kwh, long revision) {
        questDb.exec("INSERT INTO meter_hourly VALUES ('" + meter + "', 'import', 'electricity', '" + buildingId
                + "', " + kwh + ", false, " + revision + ", '" + hour + "')");
    }

    private void storeBuildingHour(String hour, double kwh) {
        questDb.exec("INSERT INTO building_hourly VALUES ('" + building + "', " + kwh + ", 1, '" + hour + "')");
    }
}
