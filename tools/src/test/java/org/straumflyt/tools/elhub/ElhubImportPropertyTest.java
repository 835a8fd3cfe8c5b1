package org.straumflyt.tools.elhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Reading;
import org.straumflyt.tools.ImportSink;

/**
 * What the import sends depends on the file's intervals and values, not on how often a line is repeated, nor (away
 * from the repeated autumn hour, where the order tells its two halves apart) on the order of the lines.
 */
class ElhubImportPropertyTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter ELHUB_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** The days the clocks change in 2025: 23 and 25 hours. */
    private static final Set<LocalDate> DST_DAYS = Set.of(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 10, 26));

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.oneOf(Arbitraries.of(DST_DAYS),
                Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2025, 1, 1).plusDays(d)));
    }

    @Property(tries = 60)
    void aQuarterFileWithLinesRepeatedRightAfterThemselvesSendsTheSameReadings(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 0, max = 30) int repeats, @ForAll long seed) throws Exception {
        List<String> lines = dayLines(day, 15, seed);
        Random random = new Random(seed);
        List<String> repeated = new ArrayList<>(lines);
        for (int i = 0; i < repeats; i++) {
            int at = random.nextInt(repeated.size());
            repeated.add(at + 1, repeated.get(at));
        }

        Imported clean = importing(lines);
        Imported dirty = importing(repeated);

        assertThat(dirty.readings()).isEqualTo(clean.readings());
        assertThat(dirty.report().duplicates()).isEqualTo(repeats);
        assertThat(dirty.report().rejected()).isZero();
        assertThat(clean.readings()).hasSize(day.equals(LocalDate.of(2025, 3, 30)) ? 92
                : day.equals(LocalDate.of(2025, 10, 26)) ? 100 : 96);
    }

    @Property(tries = 60)
    void onAnOrdinaryDayTheOrderOfTheLinesAndRepeatsAnywhereChangeNothing(@ForAll("days") LocalDate day,
            @ForAll boolean quarters, @ForAll @IntRange(min = 0, max = 30) int repeats, @ForAll long seed)
            throws Exception {
        LocalDate ordinary = DST_DAYS.contains(day) ? day.plusDays(1) : day;
        List<String> lines = dayLines(ordinary, quarters ? 15 : 60, seed);
        Random random = new Random(seed);
        List<String> shuffled = new ArrayList<>(lines);
        for (int i = 0; i < repeats; i++) {
            shuffled.add(lines.get(random.nextInt(lines.size())));
        }
        Collections.shuffle(shuffled, random);

        Imported clean = importing(lines);
        Imported dirty = importing(shuffled);

        assertThat(dirty.readings()).isEqualTo(clean.readings());
        assertThat(dirty.report().duplicates()).isEqualTo(repeats);
        assertThat(clean.readings()).hasSize(quarters ? 96 : 24);
    }

    /** The lines of one local day in intervals of {@code minutes}, with random values of 0.001..9.999 kWh. */
    private static List<String> dayLines(LocalDate day, int minutes, long seed) {
        Random random = new Random(seed ^ day.toEpochDay());
        List<String> lines = new ArrayList<>();
        Instant end = day.plusDays(1).atStartOfDay(OSLO).toInstant();
        for (Instant t = day.atStartOfDay(OSLO).toInstant(); t.isBefore(end); t = t.plus(Duration.ofMinutes(minutes))) {
            Instant next = t.plus(Duration.ofMinutes(minutes));
            lines.add(ELHUB_TIME.format(t.atZone(OSLO)) + ";" + ELHUB_TIME.format(next.atZone(OSLO)) + ";"
                    + String.format(Locale.ROOT, "%.3f", (1 + random.nextInt(9999)) / 1000.0).replace('.', ','));
        }
        return lines;
    }

    private record Imported(TreeMap<Instant, Reading> readings, ElhubReport report) {
    }

    private static Imported importing(List<String> lines) throws Exception {
        TreeMap<Instant, Reading> readings = new TreeMap<>();
        ImportSink<Reading> sink = new ImportSink<>() {
            @Override
            public void send(long lineNumber, Reading reading) {
                assertThat(readings.put(reading.intervalStart(), reading)).as("sent twice: %s", reading).isNull();
            }

            @Override
            public long acknowledged() {
                return readings.size();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        String csv = "Fra;Til;KWH\n" + String.join("\n", lines) + "\n";
        ElhubReport report = new ElhubImport(sink, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
                Duration.ofHours(1)).run(new BufferedReader(new StringReader(csv)),
                        new ElhubCsvParser(OSLO, ';', ElhubColumns.DEFAULT),
                        new ElhubImport.Target("m1", "import", Carrier.ELECTRICITY, false));
        return new Imported(readings, report);
    }
}
