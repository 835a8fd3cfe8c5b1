package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every metric a service defines itself is under the one root {@code straumflyt_<service>_}; the names that
 * changed when that root was introduced are listed in docs/UPGRADING.md (generated, see {@link GeneratedDocsTest}),
 * and the {@code sed} command shown there turns each old name into its new one.
 */
class MetricNamesTest {
    /** Meters of the libraries: Micrometer's JVM and process binders, the Kafka clients, Prometheus' own. */
    private static final List<String> LIBRARY_ROOTS = List.of("jvm_", "process_", "system_", "kafka_");
    private static final String OWN_ROOT = "^straumflyt_(ingest|processor|publisher|dashboard)_[a-z0-9_]+$";

    @Test
    void everyMetricOfAServiceIsUnderItsRoot() {
        List<String> stray = ServiceMetricNames.all().stream()
                .filter(name -> !name.equals("up"))
                .filter(name -> LIBRARY_ROOTS.stream().noneMatch(name::startsWith))
                .filter(name -> !name.matches(OWN_ROOT))
                .sorted().toList();

        assertThat(stray).as("metrics neither of a library nor under straumflyt_<service>_").isEmpty();
    }

    @Test
    void theRenamesCoverEveryServiceWhoseRootChanged() {
        Map<String, String> renames = MetricRenames.renames();

        assertThat(renames).containsEntry("ingest_messages_produced_total",
                "straumflyt_ingest_messages_produced_total");
        assertThat(renames).containsEntry("kpi_publisher_paused", "straumflyt_publisher_paused");
        assertThat(renames).containsEntry("ingest_latency_seconds_bucket", "straumflyt_ingest_latency_seconds_bucket");
        assertThat(renames.values()).allMatch(ServiceMetricNames.all()::contains);
    }

    @Test
    void theDocumentedSedCommandRenamesEveryOldNameAndNothingElse() throws Exception {
        String script = sedScript(Repo.text(Repo.path("docs/UPGRADING.md")));
        Map<String, String> renames = MetricRenames.renames();
        List<String> untouched = List.of("straumflyt_ingest_messages_produced_total", "straumflyt_publisher_paused",
                "straumflyt_processor_readings_total", "kafka_consumer_fetch_manager_records_lag_max", "ingest_user",
                "job=\"ingest-mqtt\"", "service=\"kpi-publisher\"");
        List<String> input = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        renames.forEach((old, name) -> {
            input.add("sum(rate(" + old + "{service=\"x\"}[5m]))");
            expected.add("sum(rate(" + name + "{service=\"x\"}[5m]))");
        });
        input.addAll(untouched);
        expected.addAll(untouched);

        assertThat(sed(script, String.join("\n", input) + "\n")).isEqualTo(String.join("\n", expected) + "\n");
    }

    /** The script of the documented {@code sed -E -i '<script>' files...} command. */
    private static String sedScript(String markdown) {
        String command = markdown.lines().filter(l -> l.startsWith("sed -E -i '")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/UPGRADING.md shows no sed -E -i '...' command"));
        int from = command.indexOf('\'') + 1;
        return command.substring(from, command.indexOf('\'', from));
    }

    private static String sed(String script, String input) throws IOException, InterruptedException {
        Process sed = new ProcessBuilder("sed", "-E", script).redirectErrorStream(true).start();
        sed.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        sed.getOutputStream().close();
        String output = new String(sed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sed.exitValue()).as("sed: %s", output).isZero();
        return output;
    }
}
