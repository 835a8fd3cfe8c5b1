package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.straumflyt.tools.opendata.Fixtures.building;
import static org.straumflyt.tools.opendata.Fixtures.day;
import static org.straumflyt.tools.opendata.Fixtures.month;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.BuildingMonthlyKey;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.tools.ToolContext;
import org.straumflyt.tools.ToolsMain;
import org.straumflyt.tools.TypedRecords;

/** The export end to end on a real broker: upserts by revision, registry updates and the privacy rule in the files. */
@ExtendWith(KafkaExtension.class)
class OpenDataExportKafkaTest {
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);
    private static final LocalDate JAN_11 = LocalDate.of(2026, 1, 11);
    private static final List<String> PERSONAL = List.of("housing-1", "housing-2", "housing-3", "flip-1");

    private final String prefix = "export-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Topics topics = Topics.withPrefix(prefix);

    @Test
    void exportsTheLatestRevisionsAndKeepsPersonalBuildingsOutOfTheDailyFiles(KafkaBroker kafka, @TempDir Path out)
            throws Exception {
        givenTheRegistryAndKpisOnKafka(kafka);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ToolContext context = new ToolContext(Map.of(), new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC));

        int exit = ToolsMain.run(new String[] {"open-data-export", "--municipality", "3201", "--from", "2026-01",
                "--to", "2026-01", "--out", out.toString(), "--contact-email", "energi@baerum.kommune.no",
                "--municipality-name", "Bærum kommune", "--organization-number", "987654321", "--license",
                "cc-by-4.0", "--kafka", kafka.bootstrapServers(), "--topic-prefix", prefix}, context);

        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        String dailyCsv = Files.readString(out.resolve("building-kpi-daily.csv"));
        String dailyJson = Files.readString(out.resolve("building-kpi-daily.json"));
        for (String personal : PERSONAL) {
            assertThat(dailyCsv).doesNotContain(personal);
            assertThat(dailyJson).doesNotContain(personal);
        }
        assertThat(dailyCsv).doesNotContain("gone-1");
        List<String> dailyLines = dailyCsv.lines().toList();
        assertThat(dailyLines).hasSize(3); // header, school-1 on the 10th and the 11th
        Map<String, String> school10 = row(dailyLines.get(0), dailyLines.get(1));
        assertThat(school10).containsEntry("building_id", "school-1").containsEntry("date", "2026-01-10")
                .containsEntry("import_kwh", "450").containsEntry("electricity_kwh", "300")
                .containsEntry("district_heating_kwh", "150").containsEntry("heated_area_m2", "1000")
                .containsEntry("building_name", "Name of school-1").containsEntry("category", "school")
                .containsEntry("base_load_kw", "3.25").containsEntry("degree_days", "19")
                .containsEntry("normal_degree_days", "20.5").containsEntry("coverage", "1")
                .doesNotContainKey("corrected_kwh");

        JsonNode monthly = Json.mapper().readTree(out.resolve("building-kpi-monthly.json").toFile());
        assertThat(monthly).hasSize(2);
        JsonNode aggregate = monthly.get(0);
        assertThat(aggregate.get("building_id").asText()).isEqualTo("aggregate:personal:other");
        assertThat(aggregate.get("building_count").asInt()).isEqualTo(4);
        assertThat(aggregate.get("import_kwh").decimalValue()).isEqualByComparingTo("12000");
        assertThat(monthly.get(1).get("building_id").asText()).isEqualTo("school-1");
        String monthlyFiles = Files.readString(out.resolve("building-kpi-monthly.csv"))
                + Files.readString(out.resolve("building-kpi-monthly.json"));
        PERSONAL.forEach(id -> assertThat(monthlyFiles).doesNotContain(id));

        JsonNode dataset = Json.mapper().readTree(out.resolve("dataset.jsonld").toFile());
        assertThat(dataset.get("dcat:distribution")).hasSize(4);
        for (JsonNode distribution : dataset.get("dcat:distribution")) {
            Path file = out.resolve(distribution.get("dcat:accessURL").get("@id").asText());
            assertThat(file).exists();
            assertThat(distribution.get("dcat:byteSize").get("@value").asLong()).isEqualTo(Files.size(file));
            assertThat(distribution.get("dct:license").get("@id").asText())
                    .isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        }
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("4 personal-data buildings: 1 monthly aggregate "
                + "rows published, 0 building-months suppressed");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("3 KPI records left out: their building is not "
                + "in the registry");
    }

    /**
     * school-1 (public) with day revisions 1, 3, 2 in that order; three housing units (personal); flip-1, first
     * public, then updated to personal; gone-1, registered and then removed (tombstone).
     */
    private void givenTheRegistryAndKpisOnKafka(KafkaBroker kafka) throws Exception {
        for (var topic : List.of(topics.registryBuildings(), topics.buildingDaily(), topics.buildingMonthly())) {
            kafka.createTopic(topic.name(), 3, true);
        }
        List<Map.Entry<String, Building>> registry = new ArrayList<>();
        registry.add(entry(building("school-1", BuildingCategory.SCHOOL, 1000, false)));
        registry.add(entry(building("flip-1", BuildingCategory.OTHER, 90, false)));
        for (String id : List.of("housing-1", "housing-2", "housing-3")) {
            registry.add(entry(building(id, BuildingCategory.OTHER, 100, true)));
        }
        registry.add(entry(building("gone-1", BuildingCategory.OFFICE, 300, false)));
        registry.add(entry(building("flip-1", BuildingCategory.OTHER, 90, true)));
        registry.add(new java.util.AbstractMap.SimpleEntry<>("gone-1", null));
        TypedRecords.produce(kafka, topics.registryBuildings(), registry);

        List<Map.Entry<BuildingDailyKey, BuildingDaily>> days = new ArrayList<>();
        for (long revision : List.of(1L, 3L, 2L)) {
            days.add(entry(day("school-1", BuildingCategory.SCHOOL, JAN_10, revision)));
        }
        days.add(entry(day("school-1", BuildingCategory.SCHOOL, JAN_11, 1)));
        for (String id : PERSONAL) {
            days.add(entry(day(id, BuildingCategory.OTHER, JAN_10, 1)));
        }
        days.add(entry(day("gone-1", BuildingCategory.OFFICE, JAN_10, 1)));
        days.add(entry(day("gone-1", BuildingCategory.OFFICE, JAN_11, 1)));
        TypedRecords.produce(kafka, topics.buildingDaily(), days);

        List<Map.Entry<BuildingMonthlyKey, BuildingMonthly>> months = new ArrayList<>();
        months.add(entry(month("school-1", BuildingCategory.SCHOOL, JANUARY, 1, 1000)));
        for (String id : PERSONAL) {
            months.add(entry(month(id, BuildingCategory.OTHER, JANUARY, 1, 100)));
        }
        months.add(entry(month("gone-1", BuildingCategory.OFFICE, JANUARY, 1, 300)));
        TypedRecords.produce(kafka, topics.buildingMonthly(), months);
    }

    private static Map.Entry<String, Building> entry(Building b) {
        return Map.entry(b.buildingId(), b);
    }

    private static Map.Entry<BuildingDailyKey, BuildingDaily> entry(BuildingDaily d) {
        return Map.entry(d.key(), d);
    }

    private static Map.Entry<BuildingMonthlyKey, BuildingMonthly> entry(BuildingMonthly m) {
        return Map.entry(m.key(), m);
    }

    private static Map<String, String> row(String header, String line) {
        String[] names = header.split(",", -1);
        String[] values = line.split(",", -1);
        assertThat(values).hasSameSizeAs(names);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        return row;
    }
}
