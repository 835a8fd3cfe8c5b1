package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes: well-formed, probes on the real endpoints, env names that the services know. */
class KubernetesManifestsTest {
    private static final String DIRECTORY = "deploy/kubernetes";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");

    private final List<JsonNode> documents = new ArrayList<>();

    KubernetesManifestsTest() {
        for (Path file : Repo.files(DIRECTORY, ".yaml")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                documents.addAll(Repo.yamlDocuments(file));
            }
        }
    }

    @Test
    void everyDocumentIsAnObjectWithKindAndNameAndTheKustomizationListsEveryFile() {
        assertThat(documents).isNotEmpty().allSatisfy(d -> {
            assertThat(d.path("apiVersion").asText()).isNotBlank();
            assertThat(d.path("kind").asText()).isNotBlank();
            assertThat(d.path("metadata").path("name").asText()).isNotBlank();
        });
        List<String> resources = ComposeFile.iterable(Repo.yaml(Repo.path(DIRECTORY + "/kustomization.yaml"))
                .path("resources").elements()).stream().map(JsonNode::asText).toList();
        List<String> files = Repo.files(DIRECTORY, ".yaml").stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("kustomization.yaml")).toList();
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyServiceRunsOnceWithProbesOnItsHealthEndpoints() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode container = container(service.name());
            int port = containerPort(container, "http");
            assertThat(port).as(service.name()).isEqualTo(service.httpPort());

            assertProbe(container.path("livenessProbe"), "/health/live", port, service.name());
            assertProbe(container.path("readinessProbe"), "/health/ready", port, service.name());
            if (container.has("startupProbe")) {
                assertProbe(container.path("startupProbe"), "/health/live", port, service.name());
            }
        }
    }

    @Test
    void podsAreScrapedByPrometheusOnTheirMetricsEndpoint() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode annotations = workload(service.name()).path("spec").path("template").path("metadata")
                    .path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(service.name()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(service.httpPort()));
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
        }
    }

    @Test
    void environmentNamesAreTheServicesSettingsAndMakeAValidConfiguration() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            Map<String, String> environment = environment(container(service.name()));
            assertThat(environment).as(service.name()).isNotEmpty();
            assertThat(service.unknownVariables(environment)).as(service.name()).isEmpty();
            assertThatCode(() -> service.configure(environment)).as(service.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void secretFilesComeFromTheMountedSecret() {
        JsonNode secret = single("Secret", "straumflyt");
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode container = container(service.name());
            String mountPath = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("name").asText().equals("secrets")) {
                    mountPath = mount.path("mountPath").asText();
                }
            }
            assertThat(mountPath).as(service.name()).isNotNull();
            for (Map.Entry<String, String> e : environment(container).entrySet()) {
                if (e.getValue().startsWith(mountPath + "/")) {
                    String key = e.getValue().substring(mountPath.length() + 1);
                    assertThat(secret.path("stringData").has(key)).as(service.name() + " " + e.getKey()).isTrue();
                }
            }
        }
    }

    @Test
    void podsRunAsTheImagesNonRootUserWithResourcesSet() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode pod = workload(service.name()).path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service.name()).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(65532);
            JsonNode resources = container(service.name()).path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as(service.name()).isNotBlank();
            assertThat(resources.path("requests").path("memory").asText()).isNotBlank();
            assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
        }
    }

    @Test
    void selectorsMatchTheirPodsAndServicesTheirPorts() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode workload = workload(service.name());
            JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
            workload.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
                    assertThat(labels.path(e.getKey()).asText()).as(service.name()).isEqualTo(e.getValue().asText()));
            JsonNode kubeService = single("Service", service.name());
            kubeService.path("spec").path("selector").fields().forEachRemaining(e ->
                    assertThat(labels.path(e.getKey()).asText()).as(service.name()).isEqualTo(e.getValue().asText()));
            for (JsonNode port : kubeService.path("spec").path("ports")) {
                assertThat(containerPort(container(service.name()), port.path("targetPort").asText()))
                        .isEqualTo(port.path("port").asInt());
            }
        }
    }

    @Test
    void processorStateDirectoryIsAMountedVolume() {
        String stateDir = environment(container("stream-processor")).get("STRAUMFLYT_STATE_DIR");
        List<String> mounts = ComposeFile.iterable(container("stream-processor").path("volumeMounts").elements())
                .stream().map(m -> m.path("mountPath").asText()).toList();
        assertThat(mounts).anyMatch(m -> stateDir.startsWith(m + "/"));
    }

    private static void assertProbe(JsonNode probe, String path, int port, String service) {
        assertThat(probe.path("httpGet").path("path").asText()).as(service).isEqualTo(path);
        String probePort = probe.path("httpGet").path("port").asText();
        assertThat(probePort.equals("http") || probePort.equals(String.valueOf(port))).as(service + " port " + probePort)
                .isTrue();
    }

    private static int containerPort(JsonNode container, String nameOrNumber) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(nameOrNumber)
                    || port.path("containerPort").asText().equals(nameOrNumber)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container " + container.path("name").asText() + " has no port " + nameOrNumber);
    }

    /** The container's environment: its ConfigMaps (envFrom, in order) and then its own env entries. */
    private Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            assertThat(configMap).as("envFrom of " + container.path("name").asText()).isNotBlank();
            single("ConfigMap", configMap).path("data").fields()
                    .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return environment;
    }

    private JsonNode workload(String name) {
        List<JsonNode> matching = documents.stream().filter(d -> WORKLOADS.contains(d.path("kind").asText()))
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(matching).as("workload " + name).hasSize(1);
        return matching.get(0);
    }

    private JsonNode container(String name) {
        List<JsonNode> containers = ComposeFile.iterable(workload(name).path("spec").path("template").path("spec")
                .path("containers").elements()).stream().filter(c -> c.path("name").asText().equals(name)).toList();
        assertThat(containers).as("container " + name).hasSize(1);
        return containers.get(0);
    }

    private JsonNode single(String kind, String name) {
        List<JsonNode> matching = documents.stream().filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(matching).as(kind + " " + name).hasSize(1);
        return matching.get(0);
    }
}
