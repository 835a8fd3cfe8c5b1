package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.straumflyt.publisher.layout.FieldColumn;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.Measurement;
import org.straumflyt.publisher.layout.TagColumn;

/** deploy/grafana: every query matches the InfluxDB layout of kpi-publisher or a metric the services expose. */
class GrafanaDashboardsTest {
    private static final String INFLUX = "straumflyt-influxdb";
    private static final String PROMETHEUS = "straumflyt-prometheus";

    private final List<Path> dashboards = Repo.files("deploy/grafana/dashboards", ".json");

    @Test
    void provisioningDeclaresTheDataSourcesTheDashboardsUse() {
        JsonNode sources = Repo.yaml(Repo.path("deploy/grafana/provisioning/datasources/straumflyt.yml"));
        Map<String, String> types = new LinkedHashMap<>();
        sources.path("datasources").forEach(s -> types.put(s.path("uid").asText(), s.path("type").asText()));
        assertThat(types).containsEntry(INFLUX, "influxdb").containsEntry(PROMETHEUS, "prometheus");
        assertThat(sources.path("datasources").get(0).path("jsonData").path("version").asText()).isEqualTo("Flux");

        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
        Set<String> uids = new LinkedHashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = Repo.json(file);
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in " + file).isTrue();
            for (JsonNode target : targets(dashboard)) {
                assertThat(types).as(file.getFileName() + " " + target).containsKey(target.path("datasource")
                        .path("uid").asText());
            }
        }
    }

    @Test
    void everyFluxQueryUsesMeasurementsTagsAndFieldsOfTheLayout() {
        Map<String, Measurement<?>> layout = new LinkedHashMap<>();
        KpiLayouts.measurements().forEach(m -> layout.put(m.name(), m));

        List<String> queries = fluxQueries();
        assertThat(queries).hasSizeGreaterThan(10);
        for (String text : queries) {
            FluxQuery query = FluxQuery.parse(text);
            assertThat(query.measurements()).as(text).isNotEmpty();
            assertThat(layout.keySet()).as(text).containsAll(query.measurements());

            Set<String> fields = new LinkedHashSet<>();
            Set<String> tags = new LinkedHashSet<>();
            for (String name : query.measurements()) {
                layout.get(name).fields().stream().map(FieldColumn::name).forEach(fields::add);
                layout.get(name).tags().stream().map(TagColumn::name).forEach(tags::add);
            }
            assertThat(fields).as("fields of " + query.measurements() + " in\n" + text).containsAll(query.fields());
            Set<String> columns = new LinkedHashSet<>(tags);
            columns.addAll(fields);
            assertThat(columns).as("tags and fields of " + query.measurements() + " in\n" + text)
                    .containsAll(query.columns());
        }
    }

    @Test
    void everyPrometheusQueryUsesMetricsTheServicesExpose() {
        Set<String> exposed = ServiceMetricNames.all();
        List<String> expressions = new ArrayList<>();
        for (Path file : dashboards) {
            for (JsonNode target : targets(Repo.json(file))) {
                if (target.path("datasource").path("uid").asText().equals(PROMETHEUS)) {
                    expressions.add(target.path("expr").asText());
                }
            }
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        for (String expression : expressions) {
            assertThat(PromQuery.metricNames(expression)).as(expression).isNotEmpty();
            assertThat(exposed).as(expression).containsAll(PromQuery.metricNames(expression));
        }
    }

    private List<String> fluxQueries() {
        List<String> queries = new ArrayList<>();
        for (Path file : dashboards) {
            JsonNode dashboard = Repo.json(file);
            for (JsonNode target : targets(dashboard)) {
                if (target.path("datasource").path("uid").asText().equals(INFLUX)) {
                    queries.add(target.path("query").asText());
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.path("datasource").path("uid").asText().equals(INFLUX)) {
                    queries.add(variable.path("query").asText());
                }
            }
        }
        return queries;
    }

    /** The query targets of every panel, also of panels inside rows. */
    private static List<JsonNode> targets(JsonNode dashboard) {
        List<JsonNode> targets = new ArrayList<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        dashboard.path("panels").forEach(p -> p.path("panels").forEach(panels::add));
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(targets::add);
        }
        return targets;
    }
}
