package org.straumflyt.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.straumflyt.dashboard.DashboardConfig;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.publisher.PublisherConfig;

/**
 * The parts of the docs that are generated from code: each between the lines {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->} of its document. Everything outside the markers is written by hand.
 */
final class GeneratedDocs {
    /** Rewrites every generated part of the docs; the one command a stale-docs failure names. */
    static final String REGENERATE = "mvn -B -ntp -q -pl deploy-check -am verify -Dtest=GeneratedDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dstraumflyt.docs.write=true";

    /**
     * A generated part.
     *
     * @param doc  the document, relative to the repository root
     * @param name the marker name
     * @param text the part as the code has it (without the marker lines)
     */
    record Part(String doc, String name, Supplier<String> text) {
        String begin() {
            return "<!-- " + name + ":begin -->";
        }

        String end() {
            return "<!-- " + name + ":end -->";
        }
    }

    static final List<Part> ALL = List.of(
            new Part("docs/INGEST.md", "config:ingest-mqtt",
                    () -> ConfigTable.markdown(IngestConfig.definition(), key -> true)),
            new Part("docs/METERING.md", "config:stream-processor",
                    () -> ConfigTable.markdown(ProcessorConfig.definition(),
                            key -> !key.startsWith("portfolio.") && !key.startsWith("followup."))),
            new Part("docs/PORTFOLIO.md", "config:stream-processor:portfolio",
                    () -> ConfigTable.markdown(ProcessorConfig.definition(), key -> key.startsWith("portfolio."))),
            new Part("docs/FOLLOW-UP.md", "config:stream-processor:followup",
                    () -> ConfigTable.markdown(ProcessorConfig.definition(), key -> key.startsWith("followup."))),
            new Part("docs/INFLUXDB.md", "config:kpi-publisher",
                    () -> ConfigTable.markdown(PublisherConfig.definition(), key -> true)),
            new Part("docs/DASHBOARD.md", "config:dashboard",
                    () -> ConfigTable.markdown(DashboardConfig.definition(), key -> true)),
            new Part("docs/INFLUXDB.md", "layout:measurements", LayoutTables::markdown),
            new Part("docs/UPGRADING.md", "metrics:renamed", MetricRenames::markdown));

    private GeneratedDocs() {
    }

    /** The documents that have generated parts. */
    static Set<String> docs() {
        Set<String> docs = new LinkedHashSet<>();
        ALL.forEach(part -> docs.add(part.doc()));
        return docs;
    }

    /** {@code markdown} (the text of {@code doc}) with every generated part of {@code doc} as the code has it. */
    static String regenerate(String doc, String markdown) {
        String text = markdown;
        for (Part part : ALL) {
            if (part.doc().equals(doc)) {
                text = replace(doc, text, part.begin(), part.end(), part.text().get());
            }
        }
        return text;
    }

    /** {@code markdown} with the lines between {@code begin} and {@code end} replaced by {@code part}. */
    static String replace(String doc, String markdown, String begin, String end, String part) {
        int from = markdown.indexOf(begin);
        int to = markdown.indexOf(end);
        if (from < 0 || to < 0 || to < from || markdown.indexOf(begin, from + 1) >= 0) {
            throw new IllegalStateException(doc + " needs the lines " + begin + " and " + end
                    + " once each, in that order, around the generated part");
        }
        return markdown.substring(0, from + begin.length()) + "\n" + part.strip() + "\n" + markdown.substring(to);
    }
}
