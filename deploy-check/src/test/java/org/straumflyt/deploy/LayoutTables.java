package org.straumflyt.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.straumflyt.publisher.layout.FieldColumn;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.Measurement;
import org.straumflyt.publisher.layout.TagColumn;

/**
 * The store layout of docs/INFLUXDB.md, from {@link KpiLayouts}: per measurement a heading, its description and a
 * table of its tags and fields with type, unit and meaning, in the order the writer writes them.
 */
final class LayoutTables {
    private LayoutTables() {
    }

    static String markdown() {
        List<String> sections = new ArrayList<>();
        for (Measurement<?> measurement : KpiLayouts.measurements()) {
            sections.add(section(measurement));
        }
        return String.join("\n\n", sections);
    }

    private static <R> String section(Measurement<R> measurement) {
        List<String> lines = new ArrayList<>();
        lines.add("### `" + measurement.name() + "`");
        lines.add("");
        lines.add(measurement.description());
        lines.add("");
        lines.add("| column | kind | type | unit | meaning |");
        lines.add("|---|---|---|---|---|");
        for (TagColumn<R> tag : measurement.tags()) {
            lines.add("| `" + tag.name() + "` | tag | string | | " + Markdown.cell(tag.description()) + " |");
        }
        for (FieldColumn<R> field : measurement.fields()) {
            lines.add("| `" + field.name() + "` | field | " + field.type().name().toLowerCase(Locale.ROOT) + " | "
                    + Markdown.cell(field.unit()) + " | " + Markdown.cell(field.description()) + " |");
        }
        return String.join("\n", lines);
    }
}
