package org.straumflyt.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.straumflyt.runtime.ConfigSource;

/**
 * A service's configuration as a Markdown table, from its {@link ConfigDef}: key, environment variable, default and
 * the key's documentation, in the order the definition declares them. The docs hold these tables between generated
 * markers ({@link GeneratedDocs}), so a key, default or description changed in code changes the docs.
 */
final class ConfigTable {
    private static final String TMP = System.getProperty("java.io.tmpdir");

    private ConfigTable() {
    }

    /** Every key of {@code definition} that {@code keys} accepts. */
    static String markdown(ConfigDef definition, Predicate<String> keys) {
        List<String> lines = new ArrayList<>();
        lines.add("| key | environment variable | default | meaning |");
        lines.add("|---|---|---|---|");
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            if (!keys.test(key.name)) {
                continue;
            }
            lines.add("| `" + key.name + "` | " + variable(key) + " | " + defaultOf(key) + " | "
                    + Markdown.cell(key.documentation) + " |");
        }
        return String.join("\n", lines);
    }

    /** The variable, and for a secret also the variable naming the file it is read from. */
    private static String variable(ConfigDef.ConfigKey key) {
        String variable = ConfigSource.environmentName(key.name);
        return key.type == ConfigDef.Type.PASSWORD ? "`" + variable + "` or `" + variable + "_FILE`"
                : "`" + variable + "`";
    }

    static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "none";
        }
        if (value instanceof Password secret) {
            return secret.value().isEmpty() ? "empty" : "set";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        if (text.isEmpty()) {
            return "empty";
        }
        // A default under the temporary directory differs per machine: name the directory instead.
        if (text.startsWith(TMP)) {
            text = "<java.io.tmpdir>/" + text.substring(TMP.length()).replaceFirst("^/+", "");
        }
        return "`" + text + "`";
    }
}
