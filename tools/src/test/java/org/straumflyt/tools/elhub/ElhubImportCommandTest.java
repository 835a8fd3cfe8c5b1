package org.straumflyt.tools.elhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.tools.ToolContext;
import org.straumflyt.tools.ToolsMain;

/** The command line of {@code elhub-import} in dry runs, which need no Kafka. */
class ElhubImportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ToolsMain.run(args, new ToolContext(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()));
    }

    @Test
    void aProductionFileNamedByElhubBecomesTheExportRegisterOfItsMeteringPoint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Måleverdier_707057500087654321_PRODUCTION_2025-06.csv");
        Files.writeString(file, "Fra;Til;KWH\n01.06.2025 12:00;01.06.2025 12:15;2,5\n");

        int exit = run("elhub-import", "--file", file.toString(), "--dry-run");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("meter 707057500087654321, register export",
                "1 values (1 PT15M, 0 PT1H; 2.500 kWh");
    }

    @Test
    void columnsInAnotherOrderAreMappedByTheOptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Volum,Status,Fra,Til\n0.75,estimert,2025-06-01 12:00,2025-06-01 13:00\n");

        int exit = run("elhub-import", "--file", file.toString(), "--meter-id", "m-7", "--separator", ",",
                "--from-column", "3", "--to-column", "4", "--value-column", "1", "--dry-run");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("columns from=3 to=4 value=1 status=2",
                "1 values (0 PT15M, 1 PT1H; 0.750 kWh", "1 estimated");
    }

    @Test
    void theSameColumnTwiceIsAnUnusableCommandLine() {
        int exit = run("elhub-import", "--file", "x.csv", "--meter-id", "m-7", "--to-column", "1", "--dry-run");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be different columns");
    }
}
