package org.straumflyt.processor.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.straumflyt.servers.KafkaBroker;

/** Configuration of a processor on the test broker: topics and application id of its own, fast commits. */
final class TestProcessorSettings {
    private TestProcessorSettings() {
    }

    /** A topic prefix no other test uses, e.g. {@code crash-1a2b3c4d.}. */
    static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** The test's own directory for this prefix, {@code target/<test>-test/<prefix>}, created. */
    static Path directory(String test, String prefix) throws IOException {
        return Files.createDirectories(Path.of("target", test + "-test", prefix));
    }

    /**
     * Bootstrap servers, the prefix (also the application id's), the state directory, commits every 200 ms and two
     * partitions per topic; then {@code more} as key, value pairs.
     */
    static Map<String, String> of(KafkaBroker kafka, String prefix, Path stateDir, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", prefix, "application.id", prefix + "processor",
                "state.dir", stateDir.toAbsolutePath().toString(), "commit.interval.ms", "200",
                "topic.partitions", "2"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return Map.copyOf(settings);
    }
}
