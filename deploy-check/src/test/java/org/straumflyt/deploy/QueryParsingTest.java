package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The query readers the dashboard checks rely on: they must see what a query uses, and only that. */
class QueryParsingTest {

    @Test
    void fluxReaderFindsMeasurementsFieldsAndColumns() {
        FluxQuery query = FluxQuery.parse("""
                from(bucket: v.defaultBucket)
                  |> range(start: -1h)
                  // r.commented_out is not read
                  |> filter(fn: (r) => r._measurement == "building_hourly" and r._field == "import_kwh")
                  |> filter(fn: (r) => contains(value: r.building, set: ${building:json}))
                  |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
                  |> keep(columns: ["building", "coverage"])
                  |> map(fn: (r) => ({r with _value: r._value * 2.0}))
                """);

        assertThat(query.measurements()).containsExactly("building_hourly");
        assertThat(query.fields()).containsExactly("import_kwh");
        assertThat(query.columns()).containsExactlyInAnyOrder("building", "coverage");
    }

    @Test
    void fluxReaderFindsTheTagOfATagValuesVariable() {
        FluxQuery query = FluxQuery.parse("schema.tagValues(bucket: v.defaultBucket, tag: \"municipality\", "
                + "predicate: (r) => r._measurement == \"building_hourly\")");

        assertThat(query.columns()).containsExactly("municipality");
    }

    @Test
    void promReaderFindsMetricNamesButNotFunctionsLabelsOrKeywords() {
        assertThat(PromQuery.metricNames(
                "sum by (reason) (rate(straumflyt_ingest_dead_letters_total{reason=~\"a|b\"}[5m])) > 0"))
                .containsExactly("straumflyt_ingest_dead_letters_total");
        assertThat(PromQuery.metricNames("histogram_quantile(0.99, sum by (le) ("
                + "rate(straumflyt_ingest_latency_seconds_bucket"
                + "[$__rate_interval])))")).containsExactly("straumflyt_ingest_latency_seconds_bucket");
        assertThat(PromQuery.metricNames("a_total / on (service) b_total")).containsExactly("a_total", "b_total");
    }

    @Test
    void promReaderFindsTheLabelsAQueryGroupsByOrSelectsOn() {
        assertThat(PromQuery.labelNames("max by (namespace, pod, application_id) "
                + "(kafka_stream_client_state{service=\"stream-processor\", kind!~\"a|b\"}) != 2"))
                .containsExactly("namespace", "pod", "application_id", "service", "kind");
        assertThat(PromQuery.labelNames("sum(rate(x_total[5m]))")).isEmpty();
    }

    @Test
    void aclCoverageFollowsMqttWildcards() {
        assertThat(MosquittoAcl.covers("shelly/#", "shelly/+/status/switch:0")).isTrue();
        assertThat(MosquittoAcl.covers("ams/+/json", "ams/+/json")).isTrue();
        assertThat(MosquittoAcl.covers("ams/+/json", "ams/#")).isFalse();
        assertThat(MosquittoAcl.covers("tele/+/SENSOR", "tele/x/STATE")).isFalse();
    }
}
