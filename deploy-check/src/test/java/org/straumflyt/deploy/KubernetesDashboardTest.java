package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.DashboardConfig;

/**
 * deploy/kubernetes: the dashboard. Its page has no authentication, so it listens on the pod's loopback and the only
 * way in is the sign-in proxy beside it; its settings are the dashboard's own and make a valid configuration; its
 * probes are on its health endpoints; the secrets it names are in the examples, which nothing applies.
 */
class KubernetesDashboardTest {
    private static final ServiceSettings DASHBOARD = ComposeDashboardTest.DASHBOARD;
    private final Kustomization kustomization = Kustomization.load("deploy/kubernetes");

    @Test
    void settingsAreTheDashboardsAndThePageListensOnThePodsLoopbackOnly() {
        Map<String, String> environment = environment(container("dashboard"));

        assertThat(DASHBOARD.unknownVariables(environment)).isEmpty();
        assertThatCode(() -> DASHBOARD.configure(environment)).doesNotThrowAnyException();
        assertThat(environment).containsEntry("STRAUMFLYT_WEB_HOST", "127.0.0.1")
                .containsEntry("STRAUMFLYT_HTTP_HOST", "0.0.0.0");
        assertThat(ComposeFile.iterable(container("dashboard").path("ports").elements()))
                .as("no port of the page on the pod's address").extracting(p -> p.path("containerPort").asInt())
                .containsExactly(DashboardConfig.DEFAULT_HTTP_PORT);
    }

    @Test
    void theServicesPageGoesThroughTheSignInProxyToThePage() {
        JsonNode service = single("Service", "dashboard");
        JsonNode web = ComposeFile.iterable(service.path("spec").path("ports").elements()).stream()
                .filter(p -> p.path("name").asText().equals("web")).findFirst().orElseThrow();
        JsonNode proxy = container("signin");
        assertThat(ComposeFile.iterable(proxy.path("ports").elements()))
                .anyMatch(p -> p.path("name").asText().equals(web.path("targetPort").asText()));
        Map<String, String> proxyEnvironment = environment(proxy);
        String webPort = environment(container("dashboard")).get("STRAUMFLYT_WEB_PORT");
        assertThat(proxyEnvironment).containsEntry("OAUTH2_PROXY_UPSTREAMS", "http://127.0.0.1:" + webPort + "/")
                .containsEntry("OAUTH2_PROXY_PROVIDER", "oidc").containsEntry("OAUTH2_PROXY_COOKIE_SECURE", "true");

        JsonNode example = Repo.yaml(Repo.path("deploy/kubernetes/dashboard-oidc.example.yaml"));
        for (JsonNode variable : proxy.path("env")) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo(example.path("metadata").path("name").asText());
            assertThat(example.path("stringData").has(ref.path("key").asText())).as(ref.toString()).isTrue();
        }
        assertThat(kustomization.ofKind("Secret")).isEmpty();
    }

    @Test
    void probesAskTheDashboardsHealthAndPrometheusScrapesItsMetrics() {
        JsonNode container = container("dashboard");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
        JsonNode annotations = workload().path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/port").asText())
                .isEqualTo(String.valueOf(DashboardConfig.DEFAULT_HTTP_PORT));
        JsonNode secrets = Repo.yaml(Repo.path("deploy/kubernetes/secret.example.yaml")).path("stringData");
        for (Map.Entry<String, String> e : environment(container).entrySet()) {
            if (e.getValue().startsWith("/run/secrets/straumflyt/")) {
                assertThat(secrets.has(e.getValue().substring("/run/secrets/straumflyt/".length())))
                        .as(e.getKey()).isTrue();
            }
        }
    }

    private Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            single("ConfigMap", source.path("configMapRef").path("name").asText()).path("data").fields()
                    .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            environment.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return environment;
    }

    private JsonNode workload() {
        return single("Deployment", "dashboard");
    }

    private JsonNode container(String name) {
        List<JsonNode> containers = ComposeFile.iterable(workload().path("spec").path("template").path("spec")
                .path("containers").elements()).stream().filter(c -> c.path("name").asText().equals(name)).toList();
        assertThat(containers).as("container " + name).hasSize(1);
        return containers.get(0);
    }

    private JsonNode single(String kind, String name) {
        List<JsonNode> matching = kustomization.documents().stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(matching).as(kind + " " + name).hasSize(1);
        return matching.get(0);
    }
}
