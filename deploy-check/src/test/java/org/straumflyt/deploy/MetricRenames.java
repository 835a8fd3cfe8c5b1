package org.straumflyt.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The metrics renamed when every service's own metrics moved under one root, {@code straumflyt_<service>_}: each
 * Prometheus series name the services expose today under a renamed root, with the name it had before. The
 * processor's ({@code straumflyt_processor_}) and the dashboard's ({@code straumflyt_dashboard_}) kept theirs.
 */
final class MetricRenames {
    /** New root -> the root its metrics had before. */
    static final Map<String, String> RENAMED_ROOTS = renamedRoots();

    private MetricRenames() {
    }

    private static Map<String, String> renamedRoots() {
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put("straumflyt_ingest_", "ingest_");
        roots.put("straumflyt_publisher_", "kpi_publisher_");
        return roots;
    }

    /** Old name -> new name, sorted by the new name. */
    static Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String name : new TreeSet<>(ServiceMetricNames.all())) {
            RENAMED_ROOTS.forEach((root, old) -> {
                if (name.startsWith(root)) {
                    renames.put(old + name.substring(root.length()), name);
                }
            });
        }
        return renames;
    }

    static String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| old name | new name |");
        lines.add("|---|---|");
        renames().forEach((old, name) -> lines.add("| `" + old + "` | `" + name + "` |"));
        return String.join("\n", lines);
    }
}
