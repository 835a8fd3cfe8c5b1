package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.runtime.ConfigSource;
import org.straumflyt.runtime.ServiceConfig;

/**
 * deploy/kubernetes: well-formed, probes on the real endpoints, env names that the services know, the processor as a
 * StatefulSet with its state on a volume claim and static membership, ConfigMaps generated with a content hash, and
 * no Secret applied.
 */
class KubernetesManifestsTest {
    private static final String DIRECTORY = "deploy/kubernetes";
    private static final String BASE = DIRECTORY + "/base";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");
    /** What an env entry's valueFrom gives at run time, for the configuration check (e.g. the pod's name). */
    private static final String FROM_POD = "value-from-the-pod";

    private final Kustomization kustomization = Kustomization.load(DIRECTORY);
    private final List<JsonNode> documents = kustomization.documents();

    @Test
    void everyDocumentIsAnObjectWithKindAndNameAndTheBaseListsEveryFile() {
        assertThat(documents).isNotEmpty().allSatisfy(d -> {
            assertThat(d.path("apiVersion").asText()).isNotBlank();
            assertThat(d.path("kind").asText()).isNotBlank();
            assertThat(d.path("metadata").path("name").asText()).isNotBlank();
        });
        List<String> resources = ComposeFile.iterable(Kustomization.file(BASE).path("resources").elements()).stream()
                .map(JsonNode::asText).toList();
        List<String> files = Repo.files(BASE, ".yaml").stream().map(p -> p.getFileName().toString())
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
    void opsEndpointsListenOnThePodAddressForTheKubeletAndPrometheus() {
        for (ServiceSettings service : ServiceSettings.ALL) {
            assertThat(environment(container(service.name()))).as(service.name())
                    .containsEntry(ConfigSource.environmentName(ServiceConfig.HTTP_HOST), "0.0.0.0");
        }
    }

    @Test
    void secretFilesComeFromTheSecretWhoseKeysTheExampleAndTheDocsName() {
        JsonNode example = Repo.yaml(Repo.path(DIRECTORY + "/secret.example.yaml"));
        String secretName = example.path("metadata").path("name").asText();
        String operations = Repo.text(Repo.path("docs/OPERATIONS.md"));
        assertThat(operations).contains("kubectl create secret generic " + secretName);
        List<String> keys = new ArrayList<>();
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode container = container(service.name());
            String mountPath = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("name").asText().equals("secrets")) {
                    mountPath = mount.path("mountPath").asText();
                }
            }
            assertThat(mountPath).as(service.name()).isNotNull();
            JsonNode volumes = workload(service.name()).path("spec").path("template").path("spec").path("volumes");
            assertThat(ComposeFile.iterable(volumes.elements())).as(service.name())
                    .anyMatch(v -> v.path("name").asText().equals("secrets")
                            && v.path("secret").path("secretName").asText().equals(secretName));
            for (Map.Entry<String, String> e : environment(container).entrySet()) {
                if (e.getValue().startsWith(mountPath + "/")) {
                    String key = e.getValue().substring(mountPath.length() + 1);
                    assertThat(example.path("stringData").has(key)).as(service.name() + " " + e.getKey()).isTrue();
                    assertThat(operations).as("the kubectl create secret command of OPERATIONS.md")
                            .contains("--from-file=" + key + "=");
                    keys.add(key);
                }
            }
        }
        assertThat(keys).contains("kafka-sasl-jaas-config", "mqtt-password", "influx-token", "kafka-ca.pem",
                "mqtt-ca.pem");
    }

    @Test
    void noSecretIsAppliedSoItsPlaceholdersNeverReplaceARealOne() {
        assertThat(kustomization.ofKind("Secret")).isEmpty();
        assertThat(Kustomization.load(DIRECTORY + "/with-monitoring").ofKind("Secret")).isEmpty();
        JsonNode example = Repo.yaml(Repo.path(DIRECTORY + "/secret.example.yaml"));
        assertThat(example.path("kind").asText()).isEqualTo("Secret");
    }

    @Test
    void configMapsAreGeneratedWithAContentHashSoAnEditRollsThePods() {
        // Every ConfigMap comes from a configMapGenerator (none is a plain resource, which would keep its name)
        List<String> configMaps = kustomization.ofKind("ConfigMap").stream()
                .map(c -> c.path("metadata").path("name").asText()).toList();
        assertThat(configMaps).isNotEmpty();
        assertThat(kustomization.generated()).containsExactlyInAnyOrderElementsOf(configMaps);
        // and every workload refers to them by that name, which kustomize then rewrites to the hashed one
        for (ServiceSettings service : ServiceSettings.ALL) {
            for (JsonNode source : container(service.name()).path("envFrom")) {
                assertThat(kustomization.generated()).as(service.name())
                        .contains(source.path("configMapRef").path("name").asText());
            }
        }
    }

    @Test
    void processorIsAStatefulSetWithItsStateOnAVolumeClaimAndStaticMembership() {
        JsonNode processor = workload("stream-processor");
        assertThat(processor.path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(processor.path("spec").path("replicas").asInt()).as("a standby needs a second instance")
                .isGreaterThanOrEqualTo(2);

        // The state directory is on a claim of the volumeClaimTemplates, not an emptyDir
        Map<String, String> environment = environment(container("stream-processor"));
        String stateDir = environment.get(ConfigSource.environmentName(ProcessorConfig.STATE_DIR));
        String volume = null;
        for (JsonNode mount : container("stream-processor").path("volumeMounts")) {
            if (stateDir.startsWith(mount.path("mountPath").asText() + "/")) {
                volume = mount.path("name").asText();
            }
        }
        assertThat(volume).as("a mount holds " + stateDir).isNotNull();
        List<String> claims = ComposeFile.iterable(processor.path("spec").path("volumeClaimTemplates").elements())
                .stream().map(c -> c.path("metadata").path("name").asText()).toList();
        assertThat(claims).contains(volume);
        String stateVolume = volume;
        assertThat(ComposeFile.iterable(processor.path("spec").path("template").path("spec").path("volumes")
                .elements())).noneMatch(v -> v.path("name").asText().equals(stateVolume));

        // Static membership: the Kafka group instance id is the pod's (stable) name
        JsonNode instanceId = env(container("stream-processor"), "STRAUMFLYT_KAFKA_GROUP_INSTANCE_ID");
        assertThat(instanceId.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
        ProcessorConfig config = (ProcessorConfig) ServiceSettings.named("stream-processor").configure(environment);
        assertThat(config.kafkaProperties()).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, FROM_POD);
        // so that a restart within the session timeout does not rebalance, the timeout outlasts the grace period
        long sessionTimeoutMs = Long.parseLong((String) config.kafkaProperties()
                .get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertThat(sessionTimeoutMs / 1000).isGreaterThan(processor.path("spec").path("template").path("spec")
                .path("terminationGracePeriodSeconds").asLong());

        // A warm copy of every store on another instance
        assertThat(config.standbyReplicas()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyStatefulSetHasAHeadlessServiceOfItsName() {
        List<JsonNode> statefulSets = kustomization.ofKind("StatefulSet");
        assertThat(statefulSets).hasSize(2);
        for (JsonNode statefulSet : statefulSets) {
            String serviceName = statefulSet.path("spec").path("serviceName").asText();
            JsonNode service = single("Service", serviceName);
            assertThat(service.path("spec").path("clusterIP").asText()).as(serviceName).isEqualTo("None");
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
            environment.put(variable.path("name").asText(),
                    variable.has("valueFrom") ? FROM_POD : variable.path("value").asText());
        }
        return environment;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no env " + name);
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
