package org.straumflyt.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandLinesTest {

    @Command(name = "copy", description = "copies a file")
    static final class Copy implements Callable<Integer> {
        @Option(names = "--file", paramLabel = "PATH", required = true, description = "the file (required)")
        String file;

        @Option(names = "--times", paramLabel = "N", defaultValue = "1", description = "how often (default: ${DEFAULT-VALUE})")
        int times;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1M",
                description = "how long (default: ${DEFAULT-VALUE})")
        Duration timeout;

        @Option(names = "--dry-run", description = "do nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            if (times > 3) {
                throw new UsageException("--times must be at most 3, got " + times);
            }
            if (dryRun) {
                throw new IllegalStateException("disk full", new java.io.IOException("no space left"));
            }
            return CommandLines.OK;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLines.withStreams(CommandLines.of(new Copy()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void valuesComeAfterASpaceOrAnEqualsSignAndDefaultsFillTheRest() {
        Copy copy = CommandLines.parse(new Copy(), "--file", "a.csv", "--timeout=PT2S");

        assertThat(copy.file).isEqualTo("a.csv");
        assertThat(copy.timeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.times).isEqualTo(1);
    }

    @Test
    void usageErrorsNameTheOptionAndWhatItExpects() {
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--fil", "a.csv"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --fil");
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--file=a.csv", "--colour=red"))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--times", "2"))
                .hasMessage("--file PATH is required");
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--file", "a", "--times", "many"))
                .hasMessage("--times expects a whole number, got 'many'");
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--file", "a", "--timeout", "soon"))
                .hasMessage("--timeout expects an ISO-8601 duration such as PT2M, got 'soon'");
        assertThatThrownBy(() -> CommandLines.parse(new Copy(), "--file", "a", "stray"))
                .hasMessage("unexpected argument 'stray'");
    }

    @Test
    void helpShowsOptionsWithTheirValuesAndDefaultsAndSucceeds() {
        assertThat(run("--help")).isEqualTo(CommandLines.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: copy")
                .contains("--file PATH", "--times N", "how often (default: 1)", "--timeout DURATION", "-h, --help");
    }

    @Test
    void aUsageErrorExitsWithTwoAndPrintsTheMessageAndTheUsage() {
        assertThat(run("--file", "a", "--times", "x")).isEqualTo(CommandLines.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("copy: --times expects a whole number, got 'x'")
                .contains("usage: copy");

        err.reset();
        assertThat(run("--file", "a", "--times", "4")).isEqualTo(CommandLines.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("copy: --times must be at most 3, got 4");
    }

    @Command(name = "tool")
    static final class Tool {
    }

    @Test
    void aCommandWithSubcommandsNeedsOneAndItsHelpShowsEachOnesOptions() {
        var line = CommandLines.withStreams(CommandLines.of(new Tool(), new Copy()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(line.execute()).isEqualTo(CommandLines.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tool: a command is required");
        assertThat(line.execute("cp")).isEqualTo(CommandLines.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tool: unknown command 'cp'");

        assertThat(line.execute("--help")).isEqualTo(CommandLines.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("copy", "help", "usage: tool copy",
                "--file PATH", "exit codes: 0 done");
    }

    @Test
    void aFailureExitsWithOneAndNamesItsRootCause() {
        assertThat(run("--file", "a", "--dry-run")).isEqualTo(CommandLines.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("copy: disk full: no space left"
                + System.lineSeparator());
    }
}
