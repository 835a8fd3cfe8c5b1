package org.straumflyt.tools.registry;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.straumflyt.model.Building;
import org.straumflyt.model.Topics;
import org.straumflyt.model.wire.Json;
import org.straumflyt.runtime.cli.CommandLines;
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

/** {@code registry-import}: buildings and their meters from CSV or JSON into the compacted {@code registry.buildings}. */
@Command(name = RegistryImportCommand.NAME, description = "register buildings and their meters (CSV, one line per "
        + "meter, or JSON records) in registry.buildings")
public final class RegistryImportCommand implements Callable<Integer> {
    static final String NAME = "registry-import";
    private final ToolContext context;

    @Option(names = "--file", paramLabel = "PATH", required = true,
            description = "the CSV or JSON file, UTF-8; - reads stdin (required)")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv or json; default json for a .json file, else csv")
    String formatOption;

    @Option(names = "--dry-run", description = "check every line and print the records, send nothing")
    boolean dryRun;

    @Option(names = "--skip-invalid",
            description = "send the buildings without a rejected line (default: send nothing when a line is rejected)")
    boolean skipInvalid;

    @Mixin
    KafkaOptions kafkaOptions;

    @Mixin
    ImportTiming timing;

    public RegistryImportCommand(ToolContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        RegistryFormat format = RegistryFormat.of(formatOption, file);
        Duration timeout = timing.timeout();
        Duration progress = timing.progress();
        KafkaSettings kafka = kafkaOptions.settings(context.environment());
        Topics topics = kafka.topics();
        RegistryImport registryImport = new RegistryImport(format, skipInvalid, context.err(), context.clock(),
                progress);
        try (BufferedReader reader = InputFiles.open(file, System.in);
                ImportSink<Building> sink = dryRun ? ImportSink.dryRun()
                        : KafkaImportSink.open(kafka, topics.registryBuildings(), topics::registryRecord,
                                "straumflyt-registry-import", timeout)) {
            RegistryReport report;
            try {
                report = registryImport.run(reader, sink,
                        b -> {
                            if (dryRun) {
                                context.out().println(b.buildingId() + " " + Json.toString(b));
                            }
                        });
            } catch (RegistryFile.MalformedFileException e) {
                context.err().println(NAME + ": " + file + " " + e.getMessage() + "; nothing imported");
                return CommandLines.FAILED;
            } catch (IllegalStateException e) {
                context.err().println(NAME + ": " + e.getMessage() + " after " + sink.acknowledged()
                        + " buildings were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(a building's record replaces the earlier one).");
                return CommandLines.FAILED;
            }
            context.out().println(NAME + ": " + file + ": " + report.summary(dryRun)
                    + (dryRun || !report.written() ? "" : " to " + topics.registryBuildings().name()));
            if (!report.complete()) {
                context.err().println(NAME + ": " + report.rejected() + " lines were rejected (see above); "
                        + (report.written() ? "their buildings were skipped" : "nothing was written")
                        + "; fix them and import the file again");
                return CommandLines.FAILED;
            }
            return CommandLines.OK;
        }
    }
}
