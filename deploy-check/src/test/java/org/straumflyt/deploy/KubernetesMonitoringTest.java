package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/monitoring: the PodMonitor scrapes every service, and every alert the operator needs exists, uses
 * only metrics the services expose, and has its runbook section in docs/OPERATIONS.md.
 */
class KubernetesMonitoringTest {
    private static final String MONITORING = "deploy/kubernetes/monitoring";
    private static final Set<String> ALERTS = Set.of("StraumflytConsumerLagGrowing", "StraumflytPublisherPaused",
            "StraumflytDeadLetters", "StraumflytProcessorNotRunning", "StraumflytMqttDisconnected",
            "StraumflytNoWrites", "StraumflytServiceDown");

    private final Kustomization monitored = Kustomization.load("deploy/kubernetes/with-monitoring");

    @Test
    void theComponentIsPartOfTheMonitoredVariantOnly() {
        assertThat(Kustomization.file(MONITORING).path("kind").asText()).isEqualTo("Component");
        assertThat(monitored.ofKind("PodMonitor")).hasSize(1);
        assertThat(monitored.ofKind("PrometheusRule")).hasSize(1);
        assertThat(monitored.ofKind("StatefulSet")).hasSize(2);
        // the default needs no Prometheus Operator
        Kustomization plain = Kustomization.load("deploy/kubernetes");
        assertThat(plain.ofKind("PodMonitor")).isEmpty();
        assertThat(plain.ofKind("PrometheusRule")).isEmpty();
        assertThat(Kustomization.file("deploy/kubernetes/with-monitoring").path("namespace").asText())
                .isEqualTo(Kustomization.file("deploy/kubernetes/base").path("namespace").asText());
    }

    @Test
    void podMonitorScrapesEveryServiceOnItsMetricsPortWithTheServiceAsJob() {
        JsonNode podMonitor = monitored.ofKind("PodMonitor").get(0).path("spec");
        String jobLabel = podMonitor.path("jobLabel").asText();
        List<String> selected = new ArrayList<>();
        for (JsonNode expression : podMonitor.path("selector").path("matchExpressions")) {
            assertThat(expression.path("key").asText()).isEqualTo(jobLabel);
            assertThat(expression.path("operator").asText()).isEqualTo("In");
            expression.path("values").forEach(v -> selected.add(v.asText()));
        }
        assertThat(selected).containsExactlyInAnyOrderElementsOf(
                ServiceSettings.ALL.stream().map(ServiceSettings::name).toList());
        JsonNode endpoint = podMonitor.path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
        for (ServiceSettings service : ServiceSettings.ALL) {
            JsonNode workload = monitored.documents().stream()
                    .filter(d -> d.path("kind").asText().matches("Deployment|StatefulSet"))
                    .filter(d -> d.path("metadata").path("name").asText().equals(service.name())).findFirst()
                    .orElseThrow();
            JsonNode template = workload.path("spec").path("template");
            assertThat(template.path("metadata").path("labels").path(jobLabel).asText()).isEqualTo(service.name());
            JsonNode port = template.path("spec").path("containers").get(0).path("ports").get(0);
            assertThat(port.path("name").asText()).isEqualTo(endpoint.path("port").asText());
            assertThat(port.path("containerPort").asInt()).isEqualTo(service.httpPort());
        }
    }

    @Test
    void everyAlertTheOperatorNeedsExistsWithARunbookSection() {
        Map<String, JsonNode> rules = rules();
        assertThat(rules.keySet()).containsExactlyInAnyOrderElementsOf(ALERTS);
        String operations = Repo.text(Repo.path("docs/OPERATIONS.md"));
        for (Map.Entry<String, JsonNode> rule : rules.entrySet()) {
            JsonNode annotations = rule.getValue().path("annotations");
            assertThat(annotations.path("summary").asText()).as(rule.getKey()).isNotBlank();
            assertThat(annotations.path("description").asText()).as(rule.getKey()).isNotBlank();
            assertThat(rule.getValue().path("labels").path("severity").asText()).isIn("warning", "critical");
            // GitHub's anchor of a heading "### StraumflytX" is #straumflytx
            assertThat(annotations.path("runbook_url").asText()).as(rule.getKey())
                    .endsWith("docs/OPERATIONS.md#" + rule.getKey().toLowerCase(Locale.ROOT));
            assertThat(operations).as("runbook section of " + rule.getKey())
                    .containsPattern("(?m)^### " + Pattern.quote(rule.getKey()) + "$");
        }
    }

    @Test
    void everyAlertExpressionUsesMetricsTheServicesExpose() {
        Set<String> exposed = ServiceMetricNames.all();
        for (Map.Entry<String, JsonNode> rule : rules().entrySet()) {
            String expression = rule.getValue().path("expr").asText();
            assertThat(PromQuery.metricNames(expression)).as(rule.getKey()).isNotEmpty();
            assertThat(exposed).as(rule.getKey() + ": " + expression).containsAll(PromQuery.metricNames(expression));
        }
    }

    @Test
    void everyLabelAnAlertGroupsByOrSelectsOnIsALabelOfItsMetricsOrOfTheTarget() {
        Map<String, Set<String>> labelled = ServiceMetricNames.labelled();
        for (Map.Entry<String, JsonNode> rule : rules().entrySet()) {
            String expression = rule.getValue().path("expr").asText();
            Set<String> available = new java.util.TreeSet<>(ServiceMetricNames.TARGET_LABELS);
            PromQuery.metricNames(expression).forEach(m -> available.addAll(labelled.getOrDefault(m, Set.of())));
            assertThat(available).as(rule.getKey() + ": " + expression).containsAll(PromQuery.labelNames(expression));
        }
    }

    @Test
    void processorAlertComparesWithKafkaStreamsRunningStateAndJobsAreTheServices() {
        // kafka_stream_client_state is the ordinal of KafkaStreams.State
        assertThat(rules().get("StraumflytProcessorNotRunning").path("expr").asText())
                .contains("!= " + KafkaStreams.State.RUNNING.ordinal());
        assertThat(rules().get("StraumflytServiceDown").path("expr").asText()).contains("job=~\""
                + String.join("|", ServiceSettings.ALL.stream().map(ServiceSettings::name).toList()) + "\"");
    }

    private Map<String, JsonNode> rules() {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode group : monitored.ofKind("PrometheusRule").get(0).path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rules.put(rule.path("alert").asText(), rule)).as("one rule per alert").isNull();
            }
        }
        return rules;
    }
}
