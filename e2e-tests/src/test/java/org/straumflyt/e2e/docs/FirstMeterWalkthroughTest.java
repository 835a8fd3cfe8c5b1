package org.straumflyt.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.e2e.Pipeline;
import org.straumflyt.local.LocalStack;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;
import org.straumflyt.servers.RealServers;

/**
 * The README's "Connect your first real meter", run as written: its shell blocks, in order, in a directory that looks
 * like a checkout with a running local stack (the repository's docs and jars, and {@code .straumflyt/local.env} with
 * the test servers' addresses), against the stream processor and publisher on the default topic prefix.
 */
@RealServers
class FirstMeterWalkthroughTest {
    private static final String SECTION = "## Connect your first real meter";

    @Test
    void theReadmesStepsTakeAMeterFromItsRouteToItsFirstHourInTheStore(KafkaBroker kafka, MosquittoBroker mqtt,
            QuestDbServer store, @TempDir Path checkout) throws Exception {
        List<String> blocks = bashBlocks(Files.readAllLines(DocumentedCommands.ROOT.resolve("README.md")));
        assertThat(blocks).as("the walkthrough's steps").hasSize(5);
        for (String linked : List.of("docs", "tools", "ingest-mqtt")) {
            Files.createSymbolicLink(checkout.resolve(linked), DocumentedCommands.ROOT.resolve(linked));
        }
        Files.createDirectories(checkout.resolve(".straumflyt"));
        Files.writeString(checkout.resolve(".straumflyt").resolve(LocalStack.ENV_FILE),
                LocalStack.addresses(kafka.bootstrapServers(), mqtt.uri(), store.httpUrl()));

        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Pipeline pipeline = Pipeline.start(run, Topics.DEFAULT_PREFIX, kafka, mqtt, store, Map.of(
                "routes", "canonical", "route.canonical.filter", "unused/" + run + "/#"))) {
            String registry = Topics.defaults().registryBuildings().name();
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.admin().listTopics().names().get()
                    .contains(registry));

            // 1. register the building and the meter
            assertThat(bash(checkout, blocks.get(0))).contains("3 buildings confirmed by Kafka");
            // 2. the second ingest with the meter's route, as long as the test runs
            Process ingest = new ProcessBuilder("bash", "-c", blocks.get(1)).directory(checkout.toFile())
                    .redirectErrorStream(true).redirectOutput(checkout.resolve("ingest.log").toFile()).start();
            try {
                // 3. health: ready once subscribed and connected to Kafka
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> bash(checkout, blocks.get(2)).contains("ready"));
                // 4. the meter's two hourly register messages
                bash(checkout, blocks.get(3));
                // 5. its first hour, 12.5 kWh, in the store under its building
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(bash(checkout, blocks.get(4)))
                                .contains("\"7359992890000000\",\"bekkestua-skole\",12.5,1.0")
                                .contains("\"bekkestua-skole\",12.5,1,2"));
                assertThat(bash(checkout, blocks.get(2))).contains("straumflyt_ingest_readings_produced_total");
            } finally {
                ingest.descendants().forEach(ProcessHandle::destroy);
                ingest.destroy();
                ingest.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            for (String linked : List.of("docs", "tools", "ingest-mqtt")) {
                Files.deleteIfExists(checkout.resolve(linked)); // the links, not the repository's directories
            }
        }
    }

    /** The bash blocks of the walkthrough section, in order. */
    private static List<String> bashBlocks(List<String> readme) {
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : readme) {
            if (line.startsWith("## ")) {
                inSection = line.equals(SECTION);
            } else if (inSection && block == null && line.equals("```bash")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Runs a block with bash, failing at its first failing command; returns what it printed. */
    private static String bash(Path directory, String block) throws Exception {
        Path log = Files.createTempFile(directory, "step", ".log");
        Process process = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + block).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("step finished: %s", block).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s%n%s", block, output).isZero();
        return output;
    }
}
