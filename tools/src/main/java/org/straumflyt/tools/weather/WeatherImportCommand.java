package org.straumflyt.tools.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        try (BufferedReader reader = open(file);
                WeatherSink sink = dryRun ? WeatherSink.dryRun() : KafkaWeatherSink.open(kafka, timeout)) {
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

    private static BufferedReader open(String file) throws IOException {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--file " + file + " does not exist");
        }
    }
}
