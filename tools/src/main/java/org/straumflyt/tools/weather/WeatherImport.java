package org.straumflyt.tools.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.Progress;

/**
 * Reads a weather CSV and sends its valid days to a {@link ImportSink} as it goes. Every rejected line is reported
 * on stderr with its number and the bad value (the first {@value #MAX_PRINTED_REJECTIONS}; then only counted), and
 * skipped; the caller turns any rejection into a non-zero exit code, so a partial import is never silent. A wrong
 * header rejects the file before anything is sent. A line that repeats an earlier line's location and date with
 * another temperature is rejected: on the compacted topic the later one would silently win.
 */
public final class WeatherImport {
    static final int MAX_PRINTED_REJECTIONS = 1000;

    private final ImportSink<WeatherDaily> sink;
    private final PrintStream err;
    private final Progress progress;

    public WeatherImport(ImportSink<WeatherDaily> sink, PrintStream err, Clock clock, Duration progressInterval) {
        this.sink = sink;
        this.err = err;
        this.progress = new Progress(clock, progressInterval, err, "weather-import", "days");
    }

    /**
     * Imports all lines and waits until the sink confirmed them.
     *
     * @throws WeatherCsvParser.MalformedFileException when the header is wrong (nothing was sent)
     * @throws IllegalStateException                   when the sink failed (what was confirmed stays imported)
     */
    public ImportReport run(BufferedReader reader) throws IOException, InterruptedException {
        WeatherCsvParser parser = new WeatherCsvParser();
        Map<WeatherKey, Seen> seen = new HashMap<>();
        Set<String> locations = new HashSet<>();
        long lines = 0;
        long days = 0;
        long rejected = 0;
        long duplicates = 0;
        LocalDate first = null;
        LocalDate last = null;
        String line;
        while ((line = InputFiles.readLine(reader, lines + 1)) != null) {
            lines++;
            ParsedLine parsed = parser.parse(lines, line);
            if (parsed instanceof ParsedLine.Day d) {
                WeatherDaily day = d.day();
                WeatherKey key = new WeatherKey(day.locationId(), day.date());
                Seen earlier = seen.putIfAbsent(key, new Seen(lines, day.meanTemperatureC()));
                if (earlier == null) {
                    sink.send(lines, day);
                    days++;
                    locations.add(day.locationId());
                    first = first == null || day.date().isBefore(first) ? day.date() : first;
                    last = last == null || day.date().isAfter(last) ? day.date() : last;
                } else if (earlier.temperatureC() == day.meanTemperatureC()) {
                    duplicates++;
                } else {
                    rejected++;
                    report(rejected, new ParsedLine.Rejected(lines, "location " + day.locationId() + " on "
                            + day.date() + " has " + day.meanTemperatureC() + " °C, but line " + earlier.line()
                            + " has " + earlier.temperatureC() + " °C"));
                }
            } else if (parsed instanceof ParsedLine.Rejected r) {
                rejected++;
                report(rejected, r);
            }
            progress.tick(lines, sink.acknowledged(), rejected);
        }
        sink.flush();
        return new ImportReport(lines, days, sink.acknowledged(), rejected, duplicates, locations.size(), first, last);
    }

    private void report(long rejectedSoFar, ParsedLine.Rejected rejection) {
        if (rejectedSoFar <= MAX_PRINTED_REJECTIONS) {
            err.println("rejected " + rejection.message());
        } else if (rejectedSoFar == MAX_PRINTED_REJECTIONS + 1) {
            err.println("more than " + MAX_PRINTED_REJECTIONS + " lines rejected; further ones are only counted");
        }
    }

    private record Seen(long line, double temperatureC) {
    }
}
