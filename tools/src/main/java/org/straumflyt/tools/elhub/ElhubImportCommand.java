package org.straumflyt.tools.elhub;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.IdRules;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Registers;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.ImportTiming;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.KafkaImportSink;
import org.straumflyt.tools.KafkaOptions;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.ToolContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code elhub-import}: one metering point's values downloaded from Elhub into {@code readings}. */
@Command(name = ElhubImportCommand.NAME, description = "import one metering point's values downloaded from Elhub "
        + "(CSV: start;end;kWh, hourly or quarter-hourly) into readings as INTERVAL_ENERGY of one meter")
public final class ElhubImportCommand implements Callable<Integer> {
    static final String NAME = "elhub-import";
    /** Elhub names its downloads {@code Måleverdier_<metering point id>_<CONSUMPTION|PRODUCTION>_<period>.csv}. */
    private static final Pattern FILE_NAME = Pattern.compile("(?:^|_)(\\d{18})(?:_([A-Za-z]+))?");

    private final ToolContext context;

    @Option(names = "--file", paramLabel = "PATH", required = true,
            description = "the CSV file, UTF-8; - reads stdin (required)")
    String file;

    @Option(names = "--meter-id", paramLabel = "ID", description = "the meter id of the readings, as the registry "
            + "lists the meter (default: the 18-digit metering point id in the file's name, as Elhub names it)")
    String meterId;

    @Option(names = "--register", paramLabel = "NAME", description = "the register (default: export for a file "
            + "named ..._PRODUCTION_..., else import)")
    String register;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Oslo",
            description = "time zone of local times in the file (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ";",
            description = "field separator (default: ${DEFAULT-VALUE})")
    char separator;

    @Option(names = "--from-column", paramLabel = "N", defaultValue = "1",
            description = "column of the interval's start, from 1 (default: ${DEFAULT-VALUE})")
    int fromColumn;

    @Option(names = "--to-column", paramLabel = "N", defaultValue = "2",
            description = "column of the interval's end (default: ${DEFAULT-VALUE})")
    int toColumn;

    @Option(names = "--value-column", paramLabel = "N", defaultValue = "3",
            description = "column of the energy in kWh (default: ${DEFAULT-VALUE})")
    int valueColumn;

    @Option(names = "--status-column", paramLabel = "N", defaultValue = "0", description = "column of the value's "
            + "status (målt/estimert); 0: a header column named status, kvalitet or quality, if any "
            + "(default: ${DEFAULT-VALUE})")
    int statusColumn;

    @Option(names = "--skip-estimated", description = "leave out values whose status says estimated (default: import "
            + "them like measured ones; readings carry no status)")
    boolean skipEstimated;

    @Option(names = "--dry-run", description = "check every line, send nothing")
    boolean dryRun;

    @Mixin
    KafkaOptions kafkaOptions;

    @Mixin
    ImportTiming timing;

    public ElhubImportCommand(ToolContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ElhubColumns columns;
        try {
            columns = new ElhubColumns(fromColumn, toColumn, valueColumn, statusColumn);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--from-column, --to-column, --value-column, --status-column: " + e.getMessage());
        }
        ElhubImport.Target target = new ElhubImport.Target(meterId(), register(), Carrier.ELECTRICITY,
                skipEstimated);
        Duration timeout = timing.timeout();
        Duration progress = timing.progress();
        KafkaSettings kafka = kafkaOptions.settings(context.environment());
        Topics topics = kafka.topics();
        ElhubCsvParser parser = new ElhubCsvParser(zone, separator, columns);
        try (BufferedReader reader = InputFiles.open(file, System.in);
                ImportSink<Reading> sink = dryRun ? ImportSink.dryRun()
                        : KafkaImportSink.open(kafka, topics.readings(),
                                r -> new ProducerRecord<>(topics.readings().name(), r.meterId(), r),
                                "straumflyt-elhub-import", timeout)) {
            ElhubReport report;
            try {
                report = new ElhubImport(sink, context.err(), context.clock(), progress).run(reader, parser, target);
            } catch (IllegalStateException e) {
                context.err().println(NAME + ": " + e.getMessage() + " after " + sink.acknowledged()
                        + " values were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(the stream processor counts a repeated reading once).");
                return CommandLines.FAILED;
            }
            context.out().println(NAME + ": " + file + " (meter " + target.meterId() + ", register "
                    + target.register() + ", columns " + parser.columns() + "): " + report.summary(dryRun)
                    + (dryRun ? "" : " to " + topics.readings().name()));
            if (!report.complete()) {
                context.err().println(NAME + ": " + report.rejected()
                        + " lines were rejected and skipped (see above); fix them and import the file again");
                return CommandLines.FAILED;
            }
            return CommandLines.OK;
        }
    }

    private String meterId() {
        String id = meterId;
        if (id == null) {
            Matcher m = FILE_NAME.matcher(fileName());
            if (!m.find()) {
                throw new UsageException("--meter-id is missing, and the file's name has no 18-digit metering point "
                        + "id (Elhub names its downloads Måleverdier_<metering point id>_CONSUMPTION_<period>.csv)");
            }
            id = m.group(1);
        }
        String problem = IdRules.problem(id);
        if (problem != null) {
            throw new UsageException("--meter-id '" + id + "' " + problem);
        }
        return id;
    }

    private String register() {
        if (register != null) {
            String problem = IdRules.problem(register);
            if (problem != null) {
                throw new UsageException("--register '" + register + "' " + problem);
            }
            return register;
        }
        Matcher m = FILE_NAME.matcher(fileName());
        boolean production = m.find() && m.group(2) != null
                && m.group(2).toUpperCase(Locale.ROOT).equals("PRODUCTION");
        return production ? Registers.EXPORT : Registers.IMPORT;
    }

    private String fileName() {
        return file.equals("-") ? "" : String.valueOf(Path.of(file).getFileName());
    }
}
