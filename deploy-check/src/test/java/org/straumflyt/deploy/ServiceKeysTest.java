package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.DashboardConfig;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.runtime.KafkaClientProperties;
import org.straumflyt.runtime.KnownKeys;
import org.straumflyt.runtime.ServiceConfig;

/**
 * service-runtime's list of the keys of every service, by which a service tells a key meant for another service (one
 * environment shared by all) from a typo, matches the services' definitions. When it does not, the list as it should
 * be is written to deploy-check/target/service-keys.txt, to copy over the resource.
 */
class ServiceKeysTest {
    private static final String RESOURCE =
            "service-runtime/src/main/resources/org/straumflyt/runtime/" + ServiceConfig.SERVICE_KEYS_RESOURCE;

    private static final String GENERATED = "deploy-check/target/service-keys.txt";

    @Test
    void theListOfEveryServicesKeysMatchesTheirDefinitions() throws IOException {
        String expected = expected();
        if (!Repo.text(Repo.path(RESOURCE)).equals(expected)) {
            Files.writeString(Repo.path(GENERATED), expected);
        }
        assertThat(Repo.text(Repo.path(RESOURCE))).as("the content of " + RESOURCE + " (see " + GENERATED + ")")
                .isEqualTo(expected);
    }

    @Test
    void aKeyOfAnotherServiceIsKnownAndATypoIsNot() {
        KnownKeys all = KnownKeys.resource(ServiceConfig.SERVICE_KEYS_RESOURCE);

        assertThat(all.contains("influx.url")).isTrue();
        assertThat(all.contains("route.weather.filter")).isTrue();
        assertThat(all.contains("kafka.num.standby.replicas")).isTrue();
        assertThat(all.contains("kafka.producer.linger.ms")).isTrue();
        assertThat(all.contains("mqtt.server.url")).isFalse();
    }

    private static String expected() {
        Set<String> keys = new TreeSet<>();
        ServiceSettings.ALL.forEach(service -> keys.addAll(service.definition().names()));
        keys.addAll(DashboardConfig.definition().names());
        IngestConfig.ROUTE_SETTINGS.forEach(setting -> keys.add("route.<name>." + setting));
        KnownKeys streams = ProcessorConfig.streamsKeys();
        streams.names().stream().filter(k -> !KafkaClientProperties.knownKeys().contains(k)).forEach(keys::add);
        keys.addAll(streams.templates());
        List<String> lines = new ArrayList<>(List.of(
                "# Every key a straumflyt service reads, beyond the Kafka clients' kafka.* properties: the keys of the",
                "# services' ConfigDefs, of ingest's routes, and Kafka Streams' kafka.* settings. A service ignores, with a",
                "# warning, a key it does not read but another service does (one environment shared by all services).",
                "# Kept in step with the definitions by ServiceKeysTest in deploy-check, which writes the text it expects",
                "# to deploy-check/target/service-keys.txt when this file differs."));
        lines.addAll(keys);
        return String.join("\n", lines) + "\n";
    }
}
