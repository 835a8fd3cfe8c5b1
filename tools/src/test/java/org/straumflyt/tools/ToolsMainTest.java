package org.straumflyt.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.runtime.cli.CommandLines;

class ToolsMainTest {
    static final Path SAMPLE = Path.of("../docs/examples/weather-daily.csv");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        ToolContext context = new ToolContext(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        return ToolsMain.run(args, context);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsBothCommandsAndTheirOptions() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("weather-import", "registry-import", "open-data-export", "--file PATH", "--dry-run",
                "--skip-invalid", "--format FORMAT",
                "--municipality NUMBER", "--license LICENCE", "nlod-2.0 or cc-by-4.0", "--kafka HOST:PORT",
                "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "STRAUMFLYT_TOPIC_PREFIX");
    }

    @Test
    void aCommandsHelpListsItsOptions() {
        assertThat(run("open-data-export", "--help")).isZero();

        assertThat(out()).contains("--contact-email ADDRESS", "--min-aggregate N").doesNotContain("--dry-run");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(run("weather-export")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'weather-export'");

        assertThat(run("weather-import", "--fil", "x.csv")).isEqualTo(2);
        assertThat(err()).contains("weather-import: unknown option --fil");
    }

    @Test
    void missingAndMalformedValuesAreNamed(@TempDir Path dir) {
        assertThat(run("weather-import", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("--file PATH is required");

        assertThat(run("open-data-export", "--municipality", "3201", "--from", "2026-01", "--to", "2026-10",
                "--out", dir.toString(), "--contact-email", "a@b.no", "--license", "cc0")).isEqualTo(2);
        assertThat(err()).contains("--license must be nlod-2.0 or cc-by-4.0, got 'cc0'");

        assertThat(run("open-data-export", "--municipality", "320", "--from", "2026-01", "--to", "2026-10",
                "--out", dir.toString(), "--contact-email", "a@b.no")).isEqualTo(2);
        assertThat(err()).contains("the municipality number must be four digits (e.g. 3201), got '320'");

        assertThat(run("open-data-export", "--municipality", "3201", "--from", "2026-10", "--to", "2026-01",
                "--out", dir.toString(), "--contact-email", "a@b.no")).isEqualTo(2);
        assertThat(err()).contains("the period ends (2026-01-31) before it starts (2026-10-01)");

        assertThat(run("open-data-export", "--municipality", "3201", "--from", "2026-01", "--to", "2026-01",
                "--out", dir.toString(), "--contact-email", "a@b.no", "--min-aggregate", "2")).isEqualTo(2);
        assertThat(err()).contains("--min-aggregate must be at least 3, got 2");
    }

    @Test
    void aBadTopicPrefixFromTheEnvironmentIsAUsageError() {
        assertThat(run(Map.of("STRAUMFLYT_TOPIC_PREFIX", "bad prefix!"), "weather-import", "--file",
                SAMPLE.toString(), "--dry-run")).isEqualTo(2);

        assertThat(err()).contains("topic prefix 'bad prefix!'");
    }

    @Test
    void aDryRunChecksTheSampleFileWithoutKafka() {
        assertThat(run("weather-import", "--file", SAMPLE.toString(), "--dry-run")).isZero();

        assertThat(out()).contains("checked 31 lines: 28 days for 2 locations (2026-01-01..2026-01-14), valid 28, "
                + "0 rejected, 0 duplicates");
    }

    @Test
    void aDryRunOfAFileWithBadLinesExitsWithOne(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "location_id,date,mean_temperature_c\n3201,2026-01-01,1.5\n3201,2026-01-02,1,5\n");

        assertThat(run("weather-import", "--file", csv.toString(), "--dry-run")).isEqualTo(1);

        assertThat(err()).contains("rejected line 3: expected 3 fields", "1 lines were rejected and skipped");
    }

    @Test
    void registryImportChecksTheExampleFileWithoutKafkaAndNamesItsUsageErrors() {
        assertThat(run("registry-import", "--file", "../docs/examples/registry.csv", "--dry-run")).isZero();
        assertThat(out()).contains("checked 8 lines: 3 buildings with 4 meters valid, 0 lines rejected; "
                + "nothing written (dry run)");

        assertThat(run("registry-import", "--file", "../docs/examples/registry.csv", "--format", "xlsx")).isEqualTo(2);
        assertThat(err()).contains("--format must be csv or json, got 'xlsx'");
        assertThat(run("registry-import", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("registry-import: --file PATH is required");
        assertThat(run("registry-import", "--file", "no-such.csv")).isEqualTo(2);
        assertThat(err()).contains("--file no-such.csv does not exist");
    }

    @Test
    void aRegistryFileWithAnUnknownColumnIsRejectedAsAWhole(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("registry.csv");
        Files.writeString(csv, "building_id,area\nb-1,100\n");

        assertThat(run("registry-import", "--file", csv.toString(), "--dry-run")).isEqualTo(1);

        assertThat(err()).contains("line 1: unknown column 'area'", "nothing imported");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(run("weather-import", "--file", "no-such.csv")).isEqualTo(2);

        assertThat(err()).contains("--file no-such.csv does not exist");
    }

    @Test
    void kafkaClientPropertiesComeFromTheEnvironmentAndFlagsWin(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("jaas");
        Files.writeString(secret, "secret-config\n");
        KafkaOptions options = CommandLines.parse(new KafkaOptions(), "--topic-prefix", "test.");

        KafkaSettings settings = KafkaSettings.from(options, Map.of(
                "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "STRAUMFLYT_TOPIC_PREFIX", "prod.",
                "STRAUMFLYT_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "STRAUMFLYT_KAFKA_SASL_JAAS_CONFIG_FILE", secret.toString(),
                "HOME", "/root"));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.topicPrefix()).isEqualTo("test.");
        assertThat(settings.clientProperties()).isEqualTo(Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", "secret-config"));
    }
}
