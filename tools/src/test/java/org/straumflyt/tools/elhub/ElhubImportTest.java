package org.straumflyt.tools.elhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.tools.ImportSink;

class ElhubImportTest {
    private static final Path FIXTURES = Path.of("src/test/resources/elhub");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ElhubImport.Target METER = new ElhubImport.Target("707057500012345678", "import",
            Carrier.ELECTRICITY, false);

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final RecordingSink sink = new RecordingSink();

    @Test
    void sendsEachValueOnceAsIntervalEnergyOfTheMeter() throws Exception {
        ElhubReport report = importing(Files.readString(FIXTURES.resolve("autumn-quarters-with-status.csv")), METER);

        assertThat(sink.readings).hasSize(9).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReadingKind.INTERVAL_ENERGY);
            assertThat(r.meterId()).isEqualTo("707057500012345678");
            assertThat(r.register()).isEqualTo("import");
            assertThat(Duration.between(r.intervalStart(), r.timestamp())).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(sink.readings).extracting(Reading::intervalStart).isSorted().doesNotHaveDuplicates();
        assertThat(sink.readings.stream().mapToDouble(Reading::value).sum())
                .isCloseTo(0.25 + 0.21 + 0.22 + 0.23 + 0.24 + 0.11 + 0.13 + 0.14 + 0.15, within(1e-9));
        assertThat(report).isEqualTo(new ElhubReport(12, 9, 9, 0, 1, 1, 1, 0, 9, 0, report.kwh(),
                Instant.parse("2024-10-26T23:45:00Z"), Instant.parse("2024-10-27T02:15:00Z")));
        assertThat(report.complete()).isTrue();
    }

    @Test
    void leavesEstimatedValuesOutWhenAsked() throws Exception {
        ElhubImport.Target skipping = new ElhubImport.Target(METER.meterId(), "import", Carrier.ELECTRICITY, true);

        ElhubReport report = importing(Files.readString(FIXTURES.resolve("autumn-quarters-with-status.csv")),
                skipping);

        assertThat(sink.readings).hasSize(8).noneMatch(r -> r.value() == 0.23);
        assertThat(report.estimated()).isEqualTo(1);
        assertThat(report.skippedEstimated()).isEqualTo(1);
    }

    @Test
    void importsBothResolutionsAndRejectsConflictsOverlapsAndBadLinesByNumber() throws Exception {
        ElhubReport report = importing(Files.readString(FIXTURES.resolve("mixed-resolutions-with-errors.csv")),
                METER);

        assertThat(sink.readings).extracting(Reading::value).containsExactly(4.0, 3.6, 0.9, 0.95, 1.0, 1.05);
        assertThat(report.hours()).isEqualTo(2);
        assertThat(report.quarterHours()).isEqualTo(4);
        assertThat(report.rejected()).isEqualTo(8);
        assertThat(report.complete()).isFalse();
        assertThat(errors()).contains(
                "rejected line 9: interval 2025-02-05T23:00:00Z..2025-02-06T00:00:00Z overlaps line 8's "
                        + "2025-02-05T23:45:00Z..2025-02-06T00:00:00Z",
                "rejected line 10: interval 2025-02-05T23:30:00Z..2025-02-05T23:45:00Z has 1.1 kWh, but line 7 has "
                        + "1.0 kWh",
                "rejected line 11: value '1 200,5'", "rejected line 16: expected at least 3 fields");
    }

    @Test
    void aValueInTheFutureOrImplyingImplausiblePowerBreaksTheReadingRules() throws Exception {
        String csv = "Fra;Til;KWH\n01.01.2026 00:00;01.01.2026 01:00;1,5\n01.01.2026 01:00;01.01.2026 02:00;2,0\n"
                + "31.12.2025 10:00;31.12.2025 10:15;300000,0\n";

        ElhubReport report = importing(csv, METER);

        assertThat(sink.readings).extracting(Reading::value).containsExactly(1.5);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(errors()).contains("rejected line 3:", "is more than 300 s after its arrival",
                "rejected line 4:", "implies more than the plausible");
    }

    private ElhubReport importing(String csv, ElhubImport.Target target) throws IOException, InterruptedException {
        ElhubCsvParser parser = new ElhubCsvParser(ZoneId.of("Europe/Oslo"), ';', ElhubColumns.DEFAULT);
        return new ElhubImport(sink, err, CLOCK, Duration.ofSeconds(2)).run(
                new BufferedReader(new StringReader(csv)), parser, target);
    }

    private String errors() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static final class RecordingSink implements ImportSink<Reading> {
        final List<Reading> readings = new ArrayList<>();

        @Override
        public void send(long lineNumber, Reading reading) {
            readings.add(reading);
        }

        @Override
        public long acknowledged() {
            return readings.size();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
