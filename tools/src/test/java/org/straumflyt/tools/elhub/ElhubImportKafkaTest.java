package org.straumflyt.tools.elhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.tools.KafkaToolRun;
import org.straumflyt.tools.TypedRecords;

@ExtendWith(KafkaExtension.class)
class ElhubImportKafkaTest {
    private static final String METERING_POINT = "707057500012345678";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter ELHUB_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** The metering point moved from hourly to quarter-hourly values on this local day. */
    private static final LocalDate QUARTERS_FROM = LocalDate.of(2025, 7, 1);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String prefix = "elhub-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Topic<String, Reading> topic = Topics.withPrefix(prefix).readings();

    private int run(KafkaBroker kafka, String... args) {
        return KafkaToolRun.run(kafka, prefix, out, err, args);
    }

    /**
     * The energy of the interval starting at {@code start} of {@code minutes}: a daily wave around 1.5 kW in steps of
     * 1 Wh, {@code (1500 + 7 · (epoch minute mod 719)) Wh per hour}, scaled to the interval's length and rounded to
     * Wh, so that its decimal-comma text is exact.
     */
    private static double kwh(Instant start, int minutes) {
        long epochMinute = start.getEpochSecond() / 60;
        long whPerHour = 1500 + 7 * Math.floorMod(epochMinute, 719);
        return Math.round(whPerHour * minutes / 60.0) / 1000.0;
    }

    /**
     * A year (local 2025 in Oslo) of one metering point as Elhub's download has it: hourly until June, quarter-hourly
     * from July, local wall-clock times (each end written as the local time of its instant), decimal commas.
     *
     * @return the expected value of every interval, by its start
     */
    private static Map<Instant, Double> writeYear(Path file) throws IOException {
        Map<Instant, Double> expected = new HashMap<>();
        Instant t = LocalDate.of(2025, 1, 1).atStartOfDay(OSLO).toInstant();
        Instant quartersFrom = QUARTERS_FROM.atStartOfDay(OSLO).toInstant();
        Instant end = LocalDate.of(2026, 1, 1).atStartOfDay(OSLO).toInstant();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Fra;Til;KWH\n");
            while (t.isBefore(end)) {
                int minutes = t.isBefore(quartersFrom) ? 60 : 15;
                Instant next = t.plus(Duration.ofMinutes(minutes));
                double value = kwh(t, minutes);
                expected.put(t, value);
                w.write(ELHUB_TIME.format(t.atZone(OSLO)) + ";" + ELHUB_TIME.format(next.atZone(OSLO)) + ";"
                        + String.format(Locale.ROOT, "%.3f", value).replace('.', ',') + "\n");
                t = next;
            }
        }
        return expected;
    }

    @Test
    void aYearOfHourlyThenQuarterHourlyValuesLandsAsOneReadingPerInterval(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        kafka.createTopic(topic.name(), 3, false);
        Path file = dir.resolve("Måleverdier_" + METERING_POINT + "_CONSUMPTION_2025.csv");
        Map<Instant, Double> expected = writeYear(file);
        // 2025 in Oslo: Jan–Jun 181 days, one of 23 hours; Jul–Dec 184 days of 96 quarters, one of 100
        assertThat(expected).hasSize(181 * 24 - 1 + 184 * 96 + 4);

        int exit = run(kafka, "elhub-import", "--file", file.toString(), "--timeout", "PT2M");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<String, Reading>> records = TypedRecords.consume(kafka, topic, expected.size());
        assertThat(records).hasSize(expected.size());
        Map<Instant, Double> received = new HashMap<>();
        for (ConsumerRecord<String, Reading> r : records) {
            Reading reading = r.value();
            assertThat(r.key()).isEqualTo(METERING_POINT);
            assertThat(reading.meterId()).isEqualTo(METERING_POINT);
            assertThat(reading.kind()).isEqualTo(ReadingKind.INTERVAL_ENERGY);
            assertThat(reading.register()).isEqualTo("import");
            long minutes = Duration.between(reading.intervalStart(), reading.timestamp()).toMinutes();
            assertThat(minutes).isEqualTo(reading.intervalStart().isBefore(QUARTERS_FROM.atStartOfDay(OSLO)
                    .toInstant()) ? 60 : 15);
            received.put(reading.intervalStart(), reading.value());
        }
        assertThat(received).isEqualTo(expected);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("meter " + METERING_POINT,
                "confirmed by Kafka " + expected.size(), "0 rejected", "to " + topic.name());
    }

    @Test
    void aDryRunChecksTheFileAndSendsNothing(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        kafka.createTopic(topic.name(), 1, false);
        Path file = dir.resolve("values.csv");
        Files.writeString(file, "Fra;Til;KWH\n01.02.2025 00:00;01.02.2025 01:00;1,5\n01.02.2025 01:00;x;1\n");

        int exit = run(kafka, "elhub-import", "--file", file.toString(), "--meter-id", "school-7-main", "--dry-run");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("checked 3 lines: 1 values", "valid 1");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rejected line 3: end 'x' is not a time");
        TopicPartition partition = new TopicPartition(topic.name(), 0);
        assertThat(kafka.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                .get().offset()).isZero();
    }

    @Test
    void withoutAMeterIdOrAMeteringPointInTheFileNameTheCommandLineIsUnusable(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("values.csv");
        Files.writeString(file, "Fra;Til;KWH\n");

        int exit = run(kafka, "elhub-import", "--file", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--meter-id is missing");
    }
}
