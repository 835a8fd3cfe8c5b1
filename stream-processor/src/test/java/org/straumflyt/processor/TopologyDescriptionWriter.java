package org.straumflyt.processor;

import static org.straumflyt.processor.UpgradeFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rewrites only the description of the upgrade fixture ({@code topology.txt}) with the topology of this commit,
 * keeping the old topology's state and outputs ({@code state.tsv}, {@code expected.tsv}) that this commit must
 * continue from. For a change that adds nodes and stores and keeps every old one; {@link TopologyUpgradeTest} then
 * checks the rest. Run on purpose only: {@code mvn -pl stream-processor -am verify -Dtest=TopologyDescriptionWriter
 * -Dupgrade.description.write=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "upgrade.description.write", matches = "true")
class TopologyDescriptionWriter {

    @Test
    void writeTheDescriptionOfThisTopology() throws Exception {
        Path state = Files.createTempDirectory("upgrade-description");
        write("topology.txt", List.of(topology(streamsProperties("127.0.0.1:9", state)).describe().toString()
                .split("\n")));
    }
}
