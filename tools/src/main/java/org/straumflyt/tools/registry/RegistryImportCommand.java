package org.straumflyt.tools.registry;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Building;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Topics;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.KafkaImportSink;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.OptionSpec;
import org.straumflyt.tools.Options;
import org.straumflyt.tools.ToolCommand;
import org.straumflyt.tools.ToolContext;

/** {@code registry-import}: buildings and their meters from CSV or JSON into the compacted {@code registry.buildings}. */
public final class RegistryImportCommand implements ToolCommand {
    static final String NAME = "registry-import";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "register buildings and their meters (CSV, one line per meter, or JSON records) in registry.buildings";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.value("file", "PATH", "the CSV or JSON file, UTF-8; - reads stdin (required)"));
        options.add(OptionSpec.value("format", "FORMAT", "csv or json; default json for a .json file, else csv"));
        options.add(OptionSpec.flag("dry-run", "check every line and print the records, send nothing"));
        options.add(OptionSpec.flag("skip-invalid",
                "send the buildings without a rejected line (default: send nothing when a line is rejected)"));
        options.addAll(KafkaSettings.options());
        options.add(OptionSpec.value("timeout", "DURATION", "how long to wait for Kafka to answer", "PT1M"));
        options.add(OptionSpec.value("progress", "DURATION", "interval of progress lines on stderr", "PT2S"));
        return options;
    }

    @Override
    public int run(Options options, ToolContext context) throws Exception {
        String file = options.require("file");
        RegistryFormat format = RegistryFormat.of(options.get("format"), file);
        boolean dryRun = options.has("dry-run");
        Duration timeout = options.duration("timeout");
        Duration progress = options.duration("progress");
        KafkaSettings kafka = KafkaSettings.from(options, context.environment());
        Topics topics = kafka.topics();
        RegistryImport registryImport = new RegistryImport(format, options.has("skip-invalid"), context.err(),
                context.clock(), progress);
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
                return FAILED;
            } catch (IllegalStateException e) {
                context.err().println(NAME + ": " + e.getMessage() + " after " + sink.acknowledged()
                        + " buildings were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(a building's record replaces the earlier one).");
                return FAILED;
            }
            context.out().println(NAME + ": " + file + ": " + report.summary(dryRun)
                    + (dryRun || !report.written() ? "" : " to " + topics.registryBuildings().name()));
            if (!report.complete()) {
                context.err().println(NAME + ": " + report.rejected() + " lines were rejected (see above); "
                        + (report.written() ? "their buildings were skipped" : "nothing was written")
                        + "; fix them and import the file again");
                return FAILED;
            }
            return OK;
        }
    }
}
