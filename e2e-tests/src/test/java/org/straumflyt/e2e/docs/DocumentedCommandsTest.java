package org.straumflyt.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.straumflyt.e2e.docs.DocumentedCommands.Command;

/**
 * Every {@code java -jar} command of README.md and docs/*.md names a jar the build produces, and that jar (with the
 * subcommand the document names) answers {@code --help}; the documented dry runs run as written. Runs after the
 * reactor has packaged every module (this module depends on all of them).
 */
class DocumentedCommandsTest {

    @Test
    void everyDocumentedJarIsOneTheBuildProduces() throws IOException {
        List<Command> jars = DocumentedCommands.all().stream().filter(c -> c.jar() != null).toList();

        assertThat(jars).as("java -jar commands in the docs").hasSizeGreaterThan(10);
        assertThat(jars).allSatisfy(c -> assertThat(DocumentedCommands.ROOT.resolve(c.jar()))
                .as("%s names a jar the build does not produce (run the reactor's package first)", c).isRegularFile());
    }

    @Test
    void everyDocumentedJarAndCommandAnswersHelp() throws Exception {
        Map<String, Command> distinct = new LinkedHashMap<>();
        DocumentedCommands.all().stream().filter(c -> c.jar() != null)
                .forEach(c -> distinct.putIfAbsent(c.jar() + " " + (c.subcommand() == null ? "" : c.subcommand()), c));

        for (Command command : distinct.values()) {
            List<String> help = new ArrayList<>(List.of("java", "-jar", command.jar()));
            if (command.subcommand() != null) {
                help.add(command.subcommand());
            }
            help.add("--help");

            Result result = run(help);

            assertThat(result.exit()).as("%s --help for %s:%n%s", String.join(" ", help), command, result.output())
                    .isZero();
            assertThat(result.output().toLowerCase(java.util.Locale.ROOT)).as("%s --help", String.join(" ", help))
                    .containsAnyOf("usage", "configuration");
        }
    }

    @Test
    void theDocumentedDryRunsRunAsWritten() throws Exception {
        List<Command> dryRuns = DocumentedCommands.all().stream()
                .filter(c -> c.jar() != null && c.text().contains("--dry-run") && !c.text().contains("$")).toList();

        assertThat(dryRuns).as("documented dry runs").hasSizeGreaterThanOrEqualTo(2);
        for (Command command : dryRuns) {
            Result result = run(List.of("bash", "-c", command.text()));

            assertThat(result.exit()).as("%s:%n%s", command, result.output()).isZero();
        }
    }

    @Test
    void findsCommandsInCodeBlocksWithContinuationsAndInInlineCode() {
        List<Command> commands = DocumentedCommands.in("x.md", List.of("Run `java -jar a.jar --help` first.",
                "```bash", "java -jar b.jar publish --x 1 \\", "    --y 2", "```", "`not java`"));

        assertThat(commands).extracting(Command::line, Command::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "java -jar a.jar --help"),
                org.assertj.core.groups.Tuple.tuple(3, "java -jar b.jar publish --x 1 --y 2"),
                org.assertj.core.groups.Tuple.tuple(6, "not java"));
        assertThat(commands.get(1).subcommand()).isEqualTo("publish");
        assertThat(commands.get(0).subcommand()).isNull();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        var log = Files.createTempFile("documented-command", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(DocumentedCommands.ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
