package org.straumflyt.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Building;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.tools.KafkaToolRun;
import org.straumflyt.tools.TypedRecords;

@ExtendWith(KafkaExtension.class)
class RegistryImportKafkaTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String prefix = "registry-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Topic<String, Building> topic = Topics.withPrefix(prefix).registryBuildings();

    private int run(KafkaBroker kafka, String... args) {
        return KafkaToolRun.run(kafka, prefix, out, err, args);
    }

    @Test
    void importsTheExampleFileKeyedByBuildingIdAsTheStreamProcessorReadsIt(KafkaBroker kafka) throws Exception {
        kafka.createTopic(topic.name(), 3, true);

        int exit = run(kafka, "registry-import", "--file", RegistryCsvParserTest.SAMPLE.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<String, Building>> records = TypedRecords.consume(kafka, topic, 3);
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().buildingId()));
        List<Building> expected = RegistryFormat.CSV.parse(Files.newBufferedReader(RegistryCsvParserTest.SAMPLE))
                .entries().stream().map(RegistryEntry::building).toList();
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("3 buildings with 4 meters valid, 0 lines rejected; 3 buildings confirmed by Kafka to "
                        + topic.name());
    }

    @Test
    void aDryRunPrintsTheRecordsAsTheTopicWouldCarryThemAndWritesNothing(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        kafka.createTopic(topic.name(), 1, true);

        int exit = run(kafka, "registry-import", "--file", RegistryCsvParserTest.SAMPLE.toString(), "--dry-run");

        assertThat(exit).isZero();
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed).hasSize(4);
        assertThat(printed.get(0)).startsWith("bekkestua-skole {\"buildingId\":\"bekkestua-skole\"");
        assertThat(printed.get(3)).contains("checked", "nothing written (dry run)");
        // What the dry run prints is what the JSON import reads back.
        Path json = dir.resolve("registry.json");
        Files.writeString(json, "[" + String.join(",", printed.subList(0, 3).stream()
                .map(line -> line.substring(line.indexOf(' ') + 1)).toList()) + "]");
        int reimport = run(kafka, "registry-import", "--file", json.toString());
        assertThat(reimport).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<String, Building>> records = TypedRecords.consume(kafka, topic, 3);
        assertThat(records).hasSize(3);
        assertThat(Json.toString(records.get(0).value())).isEqualTo(printed.get(0).substring(printed.get(0)
                .indexOf(' ') + 1));
    }

    @Test
    void aRejectedLineWritesNothingUnlessSkipInvalidIsGiven(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        kafka.createTopic(topic.name(), 1, true);
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, "building_id,category,meter_id\nb-1,school,m-1\nb-2,skole,m-2\nb-3,office,m-3\n");

        assertThat(run(kafka, "registry-import", "--file", csv.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rejected line 3: category 'skole' unknown",
                "1 lines were rejected (see above); nothing was written");

        assertThat(run(kafka, "registry-import", "--file", csv.toString(), "--skip-invalid")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("their buildings were skipped");
        // Had the first run written anything, b-1 would be here twice.
        assertThat(TypedRecords.consume(kafka, topic, 2)).extracting(ConsumerRecord::key)
                .containsExactly("b-1", "b-3");
    }
}
