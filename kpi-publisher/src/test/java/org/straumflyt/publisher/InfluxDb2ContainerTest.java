package org.straumflyt.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The QuestDB suite's assertions against a real InfluxDB 2.7, read back with Flux. Runs only where Docker is
 * available (operators' CI); elsewhere JUnit reports it as skipped. The outage and kill scenarios run on QuestDB
 * only, where the harness can stop and restart the store on the same port.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(KafkaExtension.class)
class InfluxDb2ContainerTest {
    private static final String TOKEN = "straumflyt-test-token";
    private static final String ORG = "straumflyt";
    private static final String BUCKET = "kpi";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Container
    private static final InfluxDBContainer<?> INFLUX = new InfluxDBContainer<>(DockerImageName.parse("influxdb:2.7"))
            .withAdminToken(TOKEN)
            .withOrganization(ORG)
            .withBucket(BUCKET)
            .withUsername("straumflyt")
            .withPassword("straumflyt-password");

    private static InfluxDBClient flux;

    @BeforeAll
    static void connect() {
        flux = InfluxDBClientFactory.create(INFLUX.getUrl(), TOKEN.toCharArray(), ORG, BUCKET);
    }

    @AfterAll
    static void disconnect() {
        if (flux != null) {
            flux.close();
        }
    }

    @Test
    void everyRecordLandsOncePerKeyAndAReplayChangesNothing(KafkaBroker kafka) {
        // Given a known set of records of every KPI
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "influx-once-" + run + ".";
        KnownSet set = KnownSet.of(run, 5, 24);
        try (RunningPublisher publisher = RunningPublisher.start(settings(kafka, prefix, "first"));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            // When they are published, and then replayed by a new consumer group
            set.send(producer, Topics.withPrefix(prefix));
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(publisher.counter("straumflyt.publisher.points.written")).isEqualTo(set.points()));
        }
        try (RunningPublisher replay = RunningPublisher.start(settings(kafka, prefix, "replay"))) {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(replay.counter("straumflyt.publisher.points.written")).isEqualTo(set.points()));
        }

        // Then every key is one point with its values
        assertThat(count("meter_hourly", "meter", run, "energy_kwh")).isEqualTo(set.meterHours().size());
        assertThat(count("building_hourly", "building", run, "import_kwh")).isEqualTo(set.buildingHours().size());
        assertThat(count("building_hourly_carrier", "building", run, "import_kwh"))
                .isEqualTo(set.buildingHours().size() * 2L);
        assertThat(count("building_daily", "building", run, "import_kwh")).isEqualTo(set.buildingDays().size());
        assertThat(count("building_monthly", "building", run, "import_kwh")).isEqualTo(set.buildingMonths().size());
        MeterHour first = set.meterHours().get(1);
        assertThat(value("meter_hourly", "meter", first.meterId(), "energy_kwh", first.hourStart()))
                .isEqualTo(first.energyKwh());
    }

    @Test
    void storedValueIsTheHighestRevision(KafkaBroker kafka) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "influx-rev-" + run + ".";
        Instant hour = Instant.parse("2025-02-01T10:00:00Z");
        String meter = "rev-" + run;
        try (RunningPublisher publisher = RunningPublisher.start(settings(kafka, prefix, "rev"));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            for (int revision = 1; revision <= 3; revision++) {
                producer.sendValues(Topics.withPrefix(prefix).meterHourly(),
                        List.of(KpiRecords.meterHour(meter, hour, revision * 10.0, revision)), MeterHour::key);
            }
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(value("meter_hourly", "meter", meter, "revision", hour)).isEqualTo(3L));
        }
        assertThat(value("meter_hourly", "meter", meter, "energy_kwh", hour)).isEqualTo(30.0);
        assertThat(count("meter_hourly", "meter", run, "energy_kwh")).isEqualTo(1);
    }

    @Test
    void refusedRecordGoesToTheDeadLetterTopicAndTheRestLands(KafkaBroker kafka) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "influx-dlq-" + run + ".";
        Topics topics = Topics.withPrefix(prefix);
        Instant hour = Instant.parse("2025-04-01T00:00:00Z");
        MeterHour refused = KpiRecords.meterHour("bad-" + run, Instant.parse("1600-01-01T00:00:00Z"), 1.0, 1);
        try (RunningPublisher publisher = RunningPublisher.start(settings(kafka, prefix, "dlq"));
             KpiRecords producer = new KpiRecords(kafka.bootstrapServers())) {
            producer.sendValues(topics.meterHourly(), List.of(KpiRecords.meterHour("good-" + run, hour, 1.5, 1),
                    refused, KpiRecords.meterHour("good-" + run, hour.plusSeconds(3600), 2.5, 1)), MeterHour::key);
            List<ConsumerRecord<String, String>> letters = kafka.consumeAll(topics.kpiDlq().name(), 1, WAIT);
            DeadLetter letter = Json.fromString(letters.get(0).value(), DeadLetter.class);
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.REJECTED_BY_STORE);
            assertThat(new String(letter.payloadBytes(), StandardCharsets.UTF_8)).contains("bad-" + run);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(count("meter_hourly", "meter", run, "energy_kwh")).isEqualTo(2));
        }
    }

    private static Map<String, String> settings(KafkaBroker kafka, String prefix, String group) {
        return RunningPublisher.settings(kafka.bootstrapServers(), INFLUX.getUrl(), prefix, Map.of(
                PublisherConfig.INFLUX_TOKEN, TOKEN,
                PublisherConfig.INFLUX_ORG, ORG,
                PublisherConfig.INFLUX_BUCKET, BUCKET,
                PublisherConfig.GROUP_ID, group + "-" + prefix));
    }

    /** Points of one field of this run's series. */
    private static long count(String measurement, String idTag, String run, String field) {
        String query = "from(bucket: \"" + BUCKET + "\") |> range(start: 0)"
                + " |> filter(fn: (r) => r._measurement == \"" + measurement + "\" and r._field == \"" + field
                + "\" and r." + idTag + " =~ /-" + run + "$/) |> group() |> count()";
        List<FluxTable> tables = flux.getQueryApi().query(query, ORG);
        return tables.isEmpty() || tables.get(0).getRecords().isEmpty() ? 0
                : ((Number) tables.get(0).getRecords().get(0).getValue()).longValue();
    }

    private static Object value(String measurement, String idTag, String id, String field, Instant time) {
        String query = "from(bucket: \"" + BUCKET + "\") |> range(start: " + time + ", stop: "
                + time.plusSeconds(1) + ") |> filter(fn: (r) => r._measurement == \"" + measurement
                + "\" and r._field == \"" + field + "\" and r." + idTag + " == \"" + id + "\")";
        List<FluxRecord> records = flux.getQueryApi().query(query, ORG).stream()
                .flatMap(t -> t.getRecords().stream()).toList();
        assertThat(records).hasSize(1);
        return records.get(0).getValue();
    }
}
