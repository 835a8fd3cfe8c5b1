package org.straumflyt.tools.opendata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.OptionSpec;
import org.straumflyt.tools.Options;
import org.straumflyt.tools.ToolCommand;
import org.straumflyt.tools.ToolContext;
import org.straumflyt.tools.UsageException;

/** {@code open-data-export}: one municipality's building KPIs for a period as open data with DCAT-AP-NO metadata. */
public final class OpenDataExportCommand implements ToolCommand {

    @Override
    public String name() {
        return "open-data-export";
    }

    @Override
    public String summary() {
        return "write a municipality's building KPIs for a period as CSV and JSON with DCAT-AP-NO metadata";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.value("municipality", "NUMBER", "municipality number, e.g. 3201 (required)"));
        options.add(OptionSpec.value("from", "MONTH|DATE", "first month (2026-01) or day (2026-01-15) (required)"));
        options.add(OptionSpec.value("to", "MONTH|DATE", "last month or day, included (required)"));
        options.add(OptionSpec.value("out", "DIR", "output directory, created if missing (required)"));
        options.add(OptionSpec.value("contact-email", "ADDRESS", "contact point for questions about the data (required)"));
        options.add(OptionSpec.value("municipality-name", "NAME", "publisher and place name", "Kommune <NUMBER>"));
        options.add(OptionSpec.value("organization-number", "NUMBER", "the municipality's organisation number "
                + "(9 digits), for the publisher's URI"));
        options.add(OptionSpec.value("license", "LICENCE", "nlod-2.0 or cc-by-4.0", OpenLicense.NLOD_2_0.option()));
        options.add(OptionSpec.value("base-url", "URL", "where the files will be published; default: URLs relative "
                + "to dataset.jsonld"));
        options.add(OptionSpec.value("dataset-id", "URI", "the dataset's identifier; default: derived"));
        options.add(OptionSpec.value("spatial-uri", "URI", "the municipality in a place vocabulary (e.g. Kartverket)"));
        options.add(OptionSpec.value("min-aggregate", "N", "smallest aggregate of personal-data buildings to publish",
                String.valueOf(OpenDataSelector.MIN_AGGREGATE_BUILDINGS)));
        options.addAll(KafkaSettings.options());
        options.add(OptionSpec.value("timeout", "DURATION", "how long reading the topics may take", "PT2M"));
        return options;
    }

    @Override
    public int run(Options options, ToolContext context) throws Exception {
        String municipality = options.require("municipality").trim();
        ExportPeriod period = parse(() -> ExportPeriod.parse(options.require("from"), options.require("to")));
        Path out = Path.of(options.require("out"));
        int minAggregate = options.integer("min-aggregate", OpenDataSelector.MIN_AGGREGATE_BUILDINGS);
        Duration timeout = options.duration("timeout");
        OpenLicense license = options.parsed("license", OpenLicense::parse, "nlod-2.0 or cc-by-4.0");
        String name = options.given("municipality-name") ? options.get("municipality-name").trim()
                : "Kommune " + municipality;
        DatasetMetadata metadata = parse(() -> new DatasetMetadata(municipality, name,
                options.get("organization-number"), options.require("contact-email").trim(), license,
                options.get("base-url"), options.get("dataset-id"), options.get("spatial-uri"), period,
                context.clock().instant(), minAggregate));
        KafkaSettings kafka = KafkaSettings.from(options, context.environment());

        KpiSnapshot snapshot = new KpiSnapshotReader(kafka, timeout).read();
        Selection selection = new OpenDataSelector(municipality, period, minAggregate).select(snapshot);
        List<DistributionFile> files = OpenDataExport.write(out, selection, metadata);

        context.out().printf("open-data-export: municipality %s, %s, into %s%n", municipality, period, out);
        files.forEach(f -> context.out().printf("  %-28s %6d rows%n", f.fileName(), f.rows()));
        context.out().printf("  %-28s DCAT-AP-NO dataset %s%n", OpenDataExport.METADATA_FILE, metadata.identifier());
        context.out().printf("privacy: %d personal-data buildings: %d monthly aggregate rows published, %d "
                        + "building-months suppressed (aggregate under %d buildings)%n", selection.personalBuildings(),
                selection.aggregateRows(), selection.suppressedBuildingMonths(), minAggregate);
        if (selection.unregisteredRecords() > 0) {
            context.err().println("open-data-export: " + selection.unregisteredRecords()
                    + " KPI records left out: their building is not in the registry");
        }
        if (snapshot.unreadable() > 0) {
            context.err().println("open-data-export: " + snapshot.unreadable() + " unreadable records skipped");
        }
        return OK;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
