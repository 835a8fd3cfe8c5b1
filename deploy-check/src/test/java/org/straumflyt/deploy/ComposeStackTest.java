package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.runtime.ServiceConfig;

/** deploy/compose: the services' environment, health checks, published ports, Kafka version, topics, broker ACL and scraping. */
class ComposeStackTest {
    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyStraumflytVariableOfAServiceIsOneOfItsSettings() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            // Given the service's environment in the compose file
            Map<String, String> environment = compose.environment(service.name());

            // Then every STRAUMFLYT_ variable names a key of that service, and together they make a valid config
            assertThat(service.unknownVariables(environment)).as(service.name()).isEmpty();
            assertThatCode(() -> service.configure(environment)).as(service.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void healthChecksAskTheReadinessEndpointOnTheServicePort() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            String test = String.join(" ", ComposeFile.iterable(compose.service(service.name())
                    .path("healthcheck").path("test").elements()).stream().map(JsonNode::asText).toList());

            assertThat(test).as(service.name())
                    .contains("/dev/tcp/127.0.0.1/" + service.httpPort())
                    .contains("GET /health/ready");
            assertThat(ComposeFile.iterable(compose.service(service.name()).path("ports").elements()))
                    .as(service.name()).map(JsonNode::asText)
                    .anyMatch(p -> p.endsWith(":" + service.httpPort()));
        }
    }

    @Test
    void everyPublishedPortListensOnLoopbackOnly() {
        // /health, /metrics, Kafka and InfluxDB's API have no authentication of ours; Grafana and MQTT are opened by
        // the operator, in .env, once they are protected (docs/OPERATIONS.md, "Security").
        List<String> published = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            for (String port : compose.ports(name)) {
                assertThat(port).as(name).startsWith("127.0.0.1:");
                published.add(name);
            }
        }
        assertThat(published).contains("grafana", "mosquitto", "ingest-mqtt", "stream-processor", "kpi-publisher");
    }

    @Test
    void servicesListenOnEveryInterfaceOfTheirContainerSoThePublishedPortReachesThem() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            assertThat(compose.environment(service.name())).as(service.name())
                    .containsEntry(ConfigSource.environmentName(ServiceConfig.HTTP_HOST), "0.0.0.0");
        }
    }

    @Test
    void kafkaIsTheVersionTheProjectIsBuiltAndTestedWith() {
        Matcher property = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Repo.text(Repo.path("pom.xml")));
        assertThat(property.find()).as("kafka.version in pom.xml").isTrue();
        String tested = property.group(1);
        assertThat(AppInfoParser.getVersion()).as("the Kafka clients on the class path").isEqualTo(tested);
        for (String name : List.of("kafka", "topics")) {
            String image = compose.substitute(compose.service(name).path("image").asText());
            assertThat(image).as(name).isEqualTo("apache/kafka:" + tested);
        }
    }

    @Test
    void boundFilesAndDirectoriesExist() {
        for (String name : compose.serviceNames()) {
            for (JsonNode volume : ComposeFile.iterable(compose.service(name).path("volumes").elements())) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Files.exists(ComposeFile.DIRECTORY.resolve(source))).as(name + " mounts " + source)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void topicScriptCreatesEveryContractTopicWithCompactionWhereTheContractSaysSo() {
        // Given the topic lines of the script: `topic <name> "$(stream|compacted ...)"`
        Pattern line = Pattern.compile("^topic\\s+(\\S+)\\s+\"\\$\\((stream|compacted)\\b", Pattern.MULTILINE);
        Map<String, Boolean> scripted = new LinkedHashMap<>();
        var matcher = line.matcher(Repo.text(ComposeFile.DIRECTORY.resolve("kafka/create-topics.sh")));
        while (matcher.find()) {
            scripted.put(matcher.group(1), matcher.group(2).equals("compacted"));
        }

        // Then they are exactly the topics of the contract, compacted where the contract says so
        Map<String, Boolean> contract = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.withPrefix("").all()) {
            contract.put(topic.name(), topic.compacted());
        }
        assertThat(scripted).isEqualTo(contract);
        // and the services leave topic creation to the script
        for (ServiceSettings service : ServiceSettings.ALL) {
            assertThat(compose.environment(service.name())).as(service.name())
                    .containsEntry("STRAUMFLYT_TOPIC_CREATE", "false");
        }
    }

    @Test
    void ingestMayReadEveryRouteAndItsAccountExists() {
        Map<String, String> environment = compose.environment("ingest-mqtt");
        String user = environment.get("STRAUMFLYT_MQTT_USERNAME");
        List<String> filters = new ArrayList<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith("STRAUMFLYT_ROUTE_") && variable.endsWith("_FILTER")) {
                filters.add(value);
            }
        });

        MosquittoAcl acl = MosquittoAcl.parse(Repo.text(ComposeFile.DIRECTORY.resolve("mosquitto/acl")));
        assertThat(filters).isNotEmpty().allSatisfy(filter -> assertThat(acl.mayRead(user, filter))
                .as(user + " reads " + filter).isTrue());
        assertThat(compose.environment("ingest-mqtt").get("STRAUMFLYT_MQTT_SERVER_URI"))
                .isEqualTo("tcp://mosquitto:1883");
    }

    @Test
    void simulatorIsOptionalAndPublishesWhereAnonymousDevicesMay() {
        JsonNode simulator = compose.service("simulator");
        assertThat(ComposeFile.iterable(simulator.path("profiles").elements())).map(JsonNode::asText)
                .containsExactly("simulator");
        List<String> command = ComposeFile.iterable(simulator.path("command").elements()).stream()
                .map(n -> compose.substitute(n.asText())).toList();
        assertThat(command).startsWith("publish");
        assertThat(command.get(command.indexOf("--mqtt") + 1)).isEqualTo("tcp://mosquitto:1884");
        assertThat(command.get(command.indexOf("--kafka") + 1)).isEqualTo("kafka:9092");
        // The dashboard preview has its own profile (ComposeDashboardTest) until it reads InfluxDB.
        for (String name : compose.serviceNames()) {
            if (!name.equals("simulator") && !name.equals("dashboard")) {
                assertThat(compose.service(name).has("profiles")).as(name + " runs by default").isFalse();
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceMetricsEndpoint() {
        JsonNode config = Repo.yaml(ComposeFile.DIRECTORY.resolve("prometheus/prometheus.yml"));
        Map<String, String> targets = new LinkedHashMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
            job.path("static_configs").forEach(c -> c.path("targets")
                    .forEach(t -> targets.put(job.path("job_name").asText(), t.asText())));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        ServiceSettings.ALL.forEach(s -> expected.put(s.name(), s.name() + ":" + s.httpPort()));
        assertThat(targets).isEqualTo(expected);
    }
}
