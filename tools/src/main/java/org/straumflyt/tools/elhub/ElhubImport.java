package org.straumflyt.tools.elhub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.Progress;

/**
 * Reads an Elhub metering-values file and sends each value as an {@code INTERVAL_ENERGY} reading of one meter to an
 * {@link ImportSink} as it goes. A rejected line is reported on stderr with its number and reason (the first
 * {@value #MAX_PRINTED_REJECTIONS}; then only counted) and skipped; the caller turns any rejection into a non-zero
 * exit code. Beyond the parser's checks:
 * <ul>
 * <li>a line that repeats an earlier interval with the same value is a duplicate, sent once; with another value it
 * is rejected (the stream processor would keep the higher one and flag a conflict);</li>
 * <li>an interval that overlaps another one without being it (an hour over a quarter already read) is rejected:
 * the processor would count that energy twice;</li>
 * <li>every reading keeps the readings' own rules ({@link ReadingRules}: ids, plausible power, not before 2000, not
 * in the future).</li>
 * </ul>
 */
public final class ElhubImport {
    static final int MAX_PRINTED_REJECTIONS = 1000;

    /**
     * Whose readings the values become.
     *
     * @param meterId       the meter id of the readings (the registry's id of the metering point's meter)
     * @param register      the register, {@code import} for consumption, {@code export} for production
     * @param carrier       the carrier (electricity)
     * @param skipEstimated leave out values whose status says estimated
     */
    public record Target(String meterId, String register, Carrier carrier, boolean skipEstimated) {
    }

    private final ImportSink<Reading> sink;
    private final PrintStream err;
    private final Clock clock;
    private final Progress progress;
    private final ReadingRules rules = ReadingRules.defaults();

    public ElhubImport(ImportSink<Reading> sink, PrintStream err, Clock clock, Duration progressInterval) {
        this.sink = sink;
        this.err = err;
        this.clock = clock;
        this.progress = new Progress(clock, progressInterval, err, "elhub-import", "values");
    }

    /**
     * Imports all lines and waits until the sink confirmed them.
     *
     * @throws IllegalStateException when the sink failed (what was confirmed stays imported)
     */
    public ElhubReport run(BufferedReader reader, ElhubCsvParser parser, Target target)
            throws IOException, InterruptedException {
        TreeMap<Instant, Accepted> accepted = new TreeMap<>();
        Instant now = clock.instant();
        long lines = 0;
        long values = 0;
        long rejected = 0;
        long duplicates = 0;
        long missing = 0;
        long estimated = 0;
        long skippedEstimated = 0;
        long quarters = 0;
        long hours = 0;
        double kwh = 0;
        Instant first = null;
        Instant last = null;
        String line;
        while ((line = InputFiles.readLine(reader, lines + 1)) != null) {
            lines++;
            ParsedValue parsed = parser.parse(lines, line);
            if (parsed instanceof ParsedValue.Value v) {
                String problem = clash(accepted, v);
                if (problem == null && v.status() == ValueStatus.ESTIMATED) {
                    estimated++;
                    if (target.skipEstimated()) {
                        skippedEstimated++;
                        continue;
                    }
                }
                Reading reading = Reading.interval(target.meterId(), target.register(), v.kwh(), v.start(), v.end(),
                        target.carrier());
                if (problem == null) {
                    ReadingRules.Violation violation = rules.check(reading, now);
                    problem = violation == null ? null : violation.detail();
                }
                if (problem == null) {
                    accepted.put(v.start(), new Accepted(v.end(), v.kwh(), lines));
                    sink.send(lines, reading);
                    values++;
                    kwh += v.kwh();
                    if (Duration.between(v.start(), v.end()).equals(Duration.ofMinutes(15))) {
                        quarters++;
                    } else {
                        hours++;
                    }
                    first = first == null || v.start().isBefore(first) ? v.start() : first;
                    last = last == null || v.end().isAfter(last) ? v.end() : last;
                } else if (problem.isEmpty()) {
                    duplicates++;
                } else {
                    rejected++;
                    report(rejected, new ParsedValue.Rejected(lines, problem));
                }
            } else if (parsed instanceof ParsedValue.Missing) {
                missing++;
            } else if (parsed instanceof ParsedValue.Rejected r) {
                rejected++;
                report(rejected, r);
            }
            progress.tick(lines, sink.acknowledged(), rejected);
        }
        sink.flush();
        return new ElhubReport(lines, values, sink.acknowledged(), rejected, duplicates, missing, estimated,
                skippedEstimated, quarters, hours, kwh, first, last);
    }

    /** {@code null} when the value is new, empty when it repeats an earlier one exactly, else why it clashes. */
    private static String clash(TreeMap<Instant, Accepted> accepted, ParsedValue.Value v) {
        Accepted same = accepted.get(v.start());
        if (same != null && same.end().equals(v.end())) {
            return same.kwh() == v.kwh() ? ""
                    : "interval " + v.start() + ".." + v.end() + " has " + v.kwh() + " kWh, but line " + same.line()
                            + " has " + same.kwh() + " kWh";
        }
        Map.Entry<Instant, Accepted> before = accepted.lowerEntry(v.end());
        if (before != null && before.getValue().end().isAfter(v.start())) {
            return "interval " + v.start() + ".." + v.end() + " overlaps line " + before.getValue().line() + "'s "
                    + before.getKey() + ".." + before.getValue().end() + "; its energy would be counted twice";
        }
        return null;
    }

    private void report(long rejectedSoFar, ParsedValue.Rejected rejection) {
        if (rejectedSoFar <= MAX_PRINTED_REJECTIONS) {
            err.println("rejected " + rejection.message());
        } else if (rejectedSoFar == MAX_PRINTED_REJECTIONS + 1) {
            err.println("more than " + MAX_PRINTED_REJECTIONS + " lines rejected; further ones are only counted");
        }
    }

    private record Accepted(Instant end, double kwh, long line) {
    }
}
