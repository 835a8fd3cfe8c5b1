package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.straumflyt.runtime.ConfigSource;

/**
 * The configuration tables of the docs agree with the services' ConfigDefs: every key is documented, and where a row
 * names a key's environment variable or default, it is the one the service uses.
 */
class ConfigDocsTest {
    private static final Map<String, List<String>> DOCS = Map.of(
            "ingest-mqtt", List.of("docs/INGEST.md"),
            "stream-processor", List.of("docs/METERING.md", "docs/PORTFOLIO.md", "docs/FOLLOW-UP.md"),
            "kpi-publisher", List.of("docs/INFLUXDB.md"));
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @ParameterizedTest
    @ValueSource(strings = {"ingest-mqtt", "stream-processor", "kpi-publisher"})
    void everyKeyIsInTheDocsWithItsVariableAndDefault(String service) {
        ConfigDef definition = ServiceSettings.named(service).definition();
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (String doc : DOCS.get(service)) {
            for (Row row : rows(Repo.text(Repo.path(doc)))) {
                List<String> keys = code(row.key()).stream().filter(definition.names()::contains).toList();
                documented.addAll(keys);
                List<String> variables = code(row.variable());
                List<String> defaults = code(row.defaultValue());
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    if (variables.size() == keys.size() && !variables.get(i).equals(ConfigSource.environmentName(key))) {
                        wrong.add(doc + ": " + key + " is set by " + ConfigSource.environmentName(key) + ", not "
                                + variables.get(i));
                    }
                    if (defaults.size() == keys.size() && !defaults.get(i).contains("<")) {
                        String actual = defaultOf(definition.configKeys().get(key));
                        if (!defaults.get(i).equals(actual)) {
                            wrong.add(doc + ": the default of " + key + " is " + actual + ", not " + defaults.get(i));
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(new TreeSet<>(definition.names())).as("keys of %s documented in %s", service, DOCS.get(service))
                .isSubsetOf(documented);
    }

    private record Row(String key, String variable, String defaultValue) {
    }

    /** The rows of every table whose header has a "key" column, with the variable and default cells if it has them. */
    private static List<Row> rows(String markdown) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells.stream().map(String::toLowerCase).toList();
                continue;
            }
            if (line.startsWith("|---") || !header.contains("key")) {
                continue;
            }
            rows.add(new Row(cell(cells, header, "key"), cell(cells, header, "environment"),
                    cell(cells, header, "default")));
        }
        return rows;
    }

    private static String cell(List<String> cells, List<String> header, String name) {
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            if (header.get(i).startsWith(name)) {
                return cells.get(i);
            }
        }
        return "";
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static List<String> code(String cell) {
        List<String> values = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        Object value = key.defaultValue;
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
