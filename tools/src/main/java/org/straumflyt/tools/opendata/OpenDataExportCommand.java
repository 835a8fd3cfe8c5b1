package org.straumflyt.tools.opendata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.tools.KafkaOptions;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.ToolContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code open-data-export}: one municipality's building KPIs for a period as open data with DCAT-AP-NO metadata. */
@Command(name = "open-data-export", description = "write a municipality's building KPIs for a period as CSV and JSON "
        + "with DCAT-AP-NO metadata")
public final class OpenDataExportCommand implements Callable<Integer> {
    private final ToolContext context;

    @Option(names = "--municipality", paramLabel = "NUMBER", required = true,
            description = "municipality number, e.g. 3201 (required)")
    String municipality;

    @Option(names = "--from", paramLabel = "MONTH|DATE", required = true,
            description = "first month (2026-01) or day (2026-01-15) (required)")
    String from;

    @Option(names = "--to", paramLabel = "MONTH|DATE", required = true,
            description = "last month or day, included (required)")
    String to;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "output directory, created if missing (required)")
    Path out;

    @Option(names = "--contact-email", paramLabel = "ADDRESS", required = true,
            description = "contact point for questions about the data (required)")
    String contactEmail;

    @Option(names = "--municipality-name", paramLabel = "NAME",
            description = "publisher and place name (default: Kommune <NUMBER>)")
    String municipalityName;

    @Option(names = "--organization-number", paramLabel = "NUMBER",
            description = "the municipality's organisation number (9 digits), for the publisher's URI")
    String organizationNumber;

    @Option(names = "--license", paramLabel = "LICENCE", defaultValue = "nlod-2.0", converter = LicenseOption.class,
            description = "nlod-2.0 or cc-by-4.0 (default: ${DEFAULT-VALUE})")
    OpenLicense license;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "where the files will be published; default: URLs relative to dataset.jsonld")
    String baseUrl;

    @Option(names = "--dataset-id", paramLabel = "URI", description = "the dataset's identifier; default: derived")
    String datasetId;

    @Option(names = "--spatial-uri", paramLabel = "URI",
            description = "the municipality in a place vocabulary (e.g. Kartverket)")
    String spatialUri;

    @Option(names = "--min-aggregate", paramLabel = "N", defaultValue = "" + OpenDataSelector.MIN_AGGREGATE_BUILDINGS,
            description = "smallest aggregate of personal-data buildings to publish (default: ${DEFAULT-VALUE})")
    int minAggregate;

    @Mixin
    KafkaOptions kafkaOptions;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "how long reading the topics may take (default: ${DEFAULT-VALUE})")
    Duration timeout;

    public OpenDataExportCommand(ToolContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String municipality = this.municipality.trim();
        ExportPeriod period = parse(() -> ExportPeriod.parse(from, to));
        if (minAggregate < OpenDataSelector.MIN_AGGREGATE_BUILDINGS) {
            throw new UsageException("--min-aggregate must be at least " + OpenDataSelector.MIN_AGGREGATE_BUILDINGS
                    + ", got " + minAggregate);
        }
        CommandLines.positive("--timeout", timeout);
        String name = municipalityName != null ? municipalityName.trim() : "Kommune " + municipality;
        DatasetMetadata metadata = parse(() -> new DatasetMetadata(municipality, name, organizationNumber,
                contactEmail.trim(), license, baseUrl, datasetId, spatialUri, period, context.clock().instant(),
                minAggregate));
        KafkaSettings kafka = kafkaOptions.settings(context.environment());

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
        return CommandLines.OK;
    }

    /** {@code --license}: {@link OpenLicense#parse}, with a message that names the allowed values. */
    static final class LicenseOption implements CommandLine.ITypeConverter<OpenLicense> {
        @Override
        public OpenLicense convert(String value) {
            try {
                return OpenLicense.parse(value.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("must be nlod-2.0 or cc-by-4.0, got '" + value + "'");
            }
        }
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
