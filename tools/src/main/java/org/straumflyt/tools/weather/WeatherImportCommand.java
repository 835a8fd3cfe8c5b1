package org.straumflyt.tools.weather;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
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

/** {@code weather-import}: daily mean temperatures from a CSV file into {@code weather.daily}. */
@Command(name = "weather-import", description = "import daily mean temperatures (CSV: " + WeatherCsvParser.HEADER
        + ") into weather.daily")
public final class WeatherImportCommand implements Callable<Integer> {
    private final ToolContext context;

    @Option(names = "--file", paramLabel = "PATH", required = true,
            description = "the CSV file, UTF-8; - reads stdin (required)")
    String file;

    @Option(names = "--dry-run", description = "check every line, send nothing")
    boolean dryRun;

    @Mixin
    KafkaOptions kafkaOptions;

    @Mixin
    ImportTiming timing;

    public WeatherImportCommand(ToolContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Duration timeout = timing.timeout();
        Duration progress = timing.progress();
        KafkaSettings kafka = kafkaOptions.settings(context.environment());
        Topics topics = kafka.topics();
        try (BufferedReader reader = InputFiles.open(file, System.in);
                ImportSink<WeatherDaily> sink = dryRun ? ImportSink.dryRun()
                        : KafkaImportSink.open(kafka, topics.weatherDaily(), topics::weatherRecord,
                                "straumflyt-weather-import", timeout)) {
            ImportReport report;
            try {
                report = new WeatherImport(sink, context.err(), context.clock(), progress).run(reader);
            } catch (WeatherCsvParser.MalformedFileException e) {
                context.err().println("weather-import: " + file + " " + e.getMessage() + "; nothing imported");
                return CommandLines.FAILED;
            } catch (IllegalStateException e) {
                context.err().println("weather-import: " + e.getMessage() + " after " + sink.acknowledged()
                        + " days were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(days are keyed by location and date).");
                return CommandLines.FAILED;
            }
            context.out().println("weather-import: " + file + ": " + report.summary(dryRun)
                    + (dryRun ? "" : " to " + kafka.topics().weatherDaily().name()));
            if (!report.complete()) {
                context.err().println("weather-import: " + report.rejected()
                        + " lines were rejected and skipped (see above); fix them and import the file again");
                return CommandLines.FAILED;
            }
            return CommandLines.OK;
        }
    }
}
