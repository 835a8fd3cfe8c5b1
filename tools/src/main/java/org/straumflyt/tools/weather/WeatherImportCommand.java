package org.straumflyt.tools.weather;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.KafkaImportSink;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.OptionSpec;
import org.straumflyt.tools.Options;
import org.straumflyt.tools.ToolCommand;
import org.straumflyt.tools.ToolContext;

/** {@code weather-import}: daily mean temperatures from a CSV file into {@code weather.daily}. */
public final class WeatherImportCommand implements ToolCommand {

    @Override
    public String name() {
        return "weather-import";
    }

    @Override
    public String summary() {
        return "import daily mean temperatures (CSV: " + WeatherCsvParser.HEADER + ") into weather.daily";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.value("file", "PATH", "the CSV file, UTF-8; - reads stdin (required)"));
        options.add(OptionSpec.flag("dry-run", "check every line, send nothing"));
        options.addAll(KafkaSettings.options());
        options.add(OptionSpec.value("timeout", "DURATION", "how long to wait for Kafka to answer", "PT1M"));
        options.add(OptionSpec.value("progress", "DURATION", "interval of progress lines on stderr", "PT2S"));
        return options;
    }

    @Override
    public int run(Options options, ToolContext context) throws Exception {
        String file = options.require("file");
        boolean dryRun = options.has("dry-run");
        Duration timeout = options.duration("timeout");
        Duration progress = options.duration("progress");
        KafkaSettings kafka = KafkaSettings.from(options, context.environment());
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
                return FAILED;
            } catch (IllegalStateException e) {
                context.err().println("weather-import: " + e.getMessage() + " after " + sink.acknowledged()
                        + " days were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(days are keyed by location and date).");
                return FAILED;
            }
            context.out().println("weather-import: " + file + ": " + report.summary(dryRun)
                    + (dryRun ? "" : " to " + kafka.topics().weatherDaily().name()));
            if (!report.complete()) {
                context.err().println("weather-import: " + report.rejected()
                        + " lines were rejected and skipped (see above); fix them and import the file again");
                return FAILED;
            }
            return OK;
        }
    }
}
