package org.straumflyt.tools.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.tools.KafkaToolRun;
import org.straumflyt.tools.TypedRecords;

@ExtendWith(KafkaExtension.class)
class WeatherImportKafkaTest {
    private static final Path SAMPLE = Path.of("../docs/examples/weather-daily.csv");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String prefix = "weather-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Topic<WeatherKey, WeatherDaily> topic = Topics.withPrefix(prefix).weatherDaily();

    private int run(KafkaBroker kafka, String... args) {
        return KafkaToolRun.run(kafka, prefix, out, err, args);
    }

    @Test
    void importsTheSampleFileKeyedByLocationAndDate(KafkaBroker kafka) {
        kafka.createTopic(topic.name(), 3, true);

        int exit = run(kafka, "weather-import", "--file", SAMPLE.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<WeatherKey, WeatherDaily>> records = TypedRecords.consume(kafka, topic, 28);
        assertThat(records).hasSize(28);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(new WeatherKey(r.value().locationId(), r.value().date()));
        });
        assertThat(records).extracting(ConsumerRecord::value)
                .contains(new WeatherDaily("3201", LocalDate.of(2026, 1, 1), -3.5));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("confirmed by Kafka 28", "to " + topic.name());
    }

    @Test
    void importsTheGoodLinesOfAFileWithBadOnesAndExitsWithOne(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        kafka.createTopic(topic.name(), 1, true);
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, "location_id,date,mean_temperature_c\n3201,2026-02-01,1.5\n3201,2026-02-02,warm\n"
                + "3201,2026-02-03,-0.5\n");

        int exit = run(kafka, "weather-import", "--file", csv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(TypedRecords.consume(kafka, topic, 2)).extracting(r -> r.value().date())
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rejected line 3: mean_temperature_c 'warm' is not a number", "1 lines were rejected");
    }

    @Test
    void aMissingTopicIsNamedAndNothingIsSent(KafkaBroker kafka) {
        int exit = run(kafka, "weather-import", "--file", SAMPLE.toString(), "--timeout", "PT10S");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("topic '" + topic.name() + "' does not exist at " + kafka.bootstrapServers());
    }
}
