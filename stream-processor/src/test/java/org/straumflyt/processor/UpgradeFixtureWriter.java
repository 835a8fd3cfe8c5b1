package org.straumflyt.processor;

import static org.straumflyt.processor.UpgradeFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.PrivateServer;

/**
 * Writes the upgrade fixture ({@link UpgradeFixture}) with the topology of this commit. Run only on purpose, when
 * state written by this topology is to become what later topologies must start on:
 * {@code mvn -pl stream-processor -am verify -Dtest=UpgradeFixtureWriter -Dupgrade.fixture.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(KafkaExtension.class)
@EnabledIfSystemProperty(named = "upgrade.fixture.write", matches = "true")
class UpgradeFixtureWriter {

    @Test
    void writeTheStateOfThisTopology(@PrivateServer KafkaBroker kafka) throws Exception {
        Path state = Files.createTempDirectory("upgrade-fixture");
        Properties properties = streamsProperties(kafka.bootstrapServers(), state);
        provisionPublicTopics(kafka);
        write("topology.txt", List.of(topology(properties).describe().toString().split("\n")));
        try (KafkaStreams streams = start(topology(properties), properties)) {
            produce(kafka, firstInput());
            awaitSettled(kafka);
            streams.close();
            write("state.tsv", dump(kafka).stream().map(Row::line).toList());
        }
        var before = outputEnds(kafka);
        try (KafkaStreams streams = start(topology(properties), properties)) {
            produce(kafka, secondInput());
            awaitSettled(kafka);
        }
        write("expected.tsv", latestOutputs(kafka, before));
    }
}
