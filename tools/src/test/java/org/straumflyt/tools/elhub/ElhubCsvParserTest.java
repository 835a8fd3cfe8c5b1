package org.straumflyt.tools.elhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElhubCsvParserTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Path FIXTURES = Path.of("src/test/resources/elhub");

    private final ElhubCsvParser parser = new ElhubCsvParser(OSLO, ';', ElhubColumns.DEFAULT);

    @Test
    void anAutumnDayHas25ConsecutiveHoursTheRepeatedOneTwice() throws IOException {
        List<ParsedValue> parsed = parseFile("autumn-hourly-2024-10-27.csv");

        List<ParsedValue.Value> values = values(parsed);
        assertThat(values).hasSize(25);
        // local midnight of 27 Oct 2024 is 22:00 UTC the day before (CEST, +2); the next midnight 23:00 UTC (CET, +1)
        Instant dayStart = Instant.parse("2024-10-26T22:00:00Z");
        for (int i = 0; i < 25; i++) {
            ParsedValue.Value v = values.get(i);
            assertThat(v.start()).as("hour %d", i).isEqualTo(dayStart.plus(Duration.ofHours(i)));
            assertThat(v.end()).as("hour %d", i).isEqualTo(dayStart.plus(Duration.ofHours(i + 1)));
            assertThat(v.kwh()).as("hour %d", i).isEqualTo(1 + (i + 1) / 100.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(values.get(24).end()).isEqualTo(Instant.parse("2024-10-27T23:00:00Z"));
        assertThat(parsed.get(0)).isInstanceOf(ParsedValue.Skipped.class);
    }

    @Test
    void aSpringDayHas92ConsecutiveQuartersAroundTheSkippedHour() throws IOException {
        List<ParsedValue.Value> values = values(parseFile("spring-quarters-2025-03-30.csv"));

        assertThat(values).hasSize(92);
        Instant dayStart = Instant.parse("2025-03-29T23:00:00Z"); // local midnight in CET
        for (int i = 0; i < 92; i++) {
            assertThat(values.get(i).start()).as("quarter %d", i).isEqualTo(dayStart.plus(Duration.ofMinutes(15L * i)));
            assertThat(values.get(i).end()).as("quarter %d", i)
                    .isEqualTo(dayStart.plus(Duration.ofMinutes(15L * (i + 1))));
            assertThat(values.get(i).kwh()).isEqualTo((i + 1) / 1000.0, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(values.get(91).end()).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
    }

    @Test
    void theRepeatedAutumnQuartersKeepTheirOrderAndTheirStatus() throws IOException {
        List<ParsedValue> parsed = parseFile("autumn-quarters-with-status.csv");

        assertThat(parser.columns()).isEqualTo(new ElhubColumns(1, 2, 3, 4));
        assertThat(parsed.get(1)).isEqualTo(new ParsedValue.Value(2, Instant.parse("2024-10-26T23:45:00Z"),
                Instant.parse("2024-10-27T00:00:00Z"), 0.25, ValueStatus.MEASURED));
        // the first 02:45 (CEST) ends at 03:00 CEST, the instant the clocks show 02:00 CET again
        assertThat(parsed.get(5)).isEqualTo(new ParsedValue.Value(6, Instant.parse("2024-10-27T00:45:00Z"),
                Instant.parse("2024-10-27T01:00:00Z"), 0.24, ValueStatus.MEASURED));
        assertThat(parsed.get(4)).extracting(p -> ((ParsedValue.Value) p).status()).isEqualTo(ValueStatus.ESTIMATED);
        assertThat(parsed.get(6)).isEqualTo(new ParsedValue.Value(7, Instant.parse("2024-10-27T01:00:00Z"),
                Instant.parse("2024-10-27T01:15:00Z"), 0.11, ValueStatus.MEASURED));
        assertThat(parsed.get(7)).isEqualTo(new ParsedValue.Missing(8, Instant.parse("2024-10-27T01:15:00Z"),
                Instant.parse("2024-10-27T01:30:00Z")));
        // the line repeated right after the second 02:45 is the second 02:45 again, not the first
        assertThat(parsed.get(9)).isEqualTo(new ParsedValue.Value(10, Instant.parse("2024-10-27T01:45:00Z"),
                Instant.parse("2024-10-27T02:00:00Z"), 0.14, ValueStatus.MEASURED));
        assertThat(parsed.get(10)).isEqualTo(new ParsedValue.Value(11, Instant.parse("2024-10-27T01:45:00Z"),
                Instant.parse("2024-10-27T02:00:00Z"), 0.14, ValueStatus.MEASURED));
        assertThat(parsed.get(11)).isEqualTo(new ParsedValue.Value(12, Instant.parse("2024-10-27T02:00:00Z"),
                Instant.parse("2024-10-27T02:15:00Z"), 0.15, ValueStatus.MEASURED));
    }

    @Test
    void eachBadLineIsRejectedWithAReasonThatNamesTheBadField() throws IOException {
        List<ParsedValue> parsed = parseFile("mixed-resolutions-with-errors.csv");

        assertThat(rejection(parsed, 11)).contains("value '1 200,5' is not a number of kWh");
        assertThat(rejection(parsed, 12)).contains("interval 06.02.2025 01:15 – 06.02.2025 01:45 is PT30M long");
        assertThat(rejection(parsed, 13)).contains("start '06.02.2025 01:xx' is not a time");
        assertThat(rejection(parsed, 14)).contains("value '-0,2' is negative");
        assertThat(rejection(parsed, 15)).contains("start '30.03.2025 02:00' does not exist in Europe/Oslo");
        assertThat(rejection(parsed, 16)).contains("expected at least 3 fields");
        assertThat(parsed.get(5)).isEqualTo(new ParsedValue.Value(6, Instant.parse("2025-02-05T23:15:00Z"),
                Instant.parse("2025-02-05T23:30:00Z"), 0.95, ValueStatus.UNKNOWN));
    }

    @Test
    void timesWithAnOffsetAndIsoLocalTimesAreReadToo() {
        ElhubCsvParser commas = new ElhubCsvParser(OSLO, ',', new ElhubColumns(2, 3, 1, 0));

        assertThat(commas.parse(1, "0.5,2024-10-27T02:00:00+01:00,2024-10-27T02:15:00+01:00"))
                .isEqualTo(new ParsedValue.Value(1, Instant.parse("2024-10-27T01:00:00Z"),
                        Instant.parse("2024-10-27T01:15:00Z"), 0.5, ValueStatus.UNKNOWN));
        assertThat(commas.parse(2, "0.25,2025-01-15 10:00,2025-01-15 11:00"))
                .isEqualTo(new ParsedValue.Value(2, Instant.parse("2025-01-15T09:00:00Z"),
                        Instant.parse("2025-01-15T10:00:00Z"), 0.25, ValueStatus.UNKNOWN));
    }

    @Test
    void aLineMayLeaveOffItsStatus() {
        ElhubCsvParser withStatus = new ElhubCsvParser(OSLO, ';', new ElhubColumns(1, 2, 3, 4));

        assertThat(withStatus.parse(1, "15.01.2025 10:00;15.01.2025 10:15;"))
                .isEqualTo(new ParsedValue.Missing(1, Instant.parse("2025-01-15T09:00:00Z"),
                        Instant.parse("2025-01-15T09:15:00Z")));
        assertThat(withStatus.parse(2, "15.01.2025 10:15;15.01.2025 10:30;0,2"))
                .isEqualTo(new ParsedValue.Value(2, Instant.parse("2025-01-15T09:15:00Z"),
                        Instant.parse("2025-01-15T09:30:00Z"), 0.2, ValueStatus.UNKNOWN));
    }

    @Test
    void numbersTakeADecimalCommaOrPointButNoThousandsSeparator() {
        assertThat(ElhubCsvParser.number("1,234")).isEqualTo(1.234);
        assertThat(ElhubCsvParser.number("0.5")).isEqualTo(0.5);
        assertThat(ElhubCsvParser.number("12")).isEqualTo(12.0);
        assertThat(ElhubCsvParser.number("1.234,5")).isNull();
        assertThat(ElhubCsvParser.number("1,234,5")).isNull();
        assertThat(ElhubCsvParser.number("NaN")).isNull();
        assertThat(ElhubCsvParser.number("")).isNull();
    }

    @Test
    void statusWordsOfBothLanguagesAreKnown() {
        assertThat(ValueStatus.of("Målt")).isEqualTo(ValueStatus.MEASURED);
        assertThat(ValueStatus.of("measured")).isEqualTo(ValueStatus.MEASURED);
        assertThat(ValueStatus.of("ESTIMERT")).isEqualTo(ValueStatus.ESTIMATED);
        assertThat(ValueStatus.of("stipulert")).isEqualTo(ValueStatus.ESTIMATED);
        assertThat(ValueStatus.of(" ")).isEqualTo(ValueStatus.UNKNOWN);
        assertThat(ValueStatus.of("Z9")).isEqualTo(ValueStatus.OTHER);
    }

    private List<ParsedValue> parseFile(String name) throws IOException {
        List<String> lines = Files.readAllLines(FIXTURES.resolve(name), StandardCharsets.UTF_8);
        List<ParsedValue> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parsed.add(parser.parse(i + 1, lines.get(i)));
        }
        return parsed;
    }

    private static List<ParsedValue.Value> values(List<ParsedValue> parsed) {
        return parsed.stream().filter(ParsedValue.Value.class::isInstance).map(ParsedValue.Value.class::cast).toList();
    }

    private static String rejection(List<ParsedValue> parsed, int lineNumber) {
        ParsedValue p = parsed.get(lineNumber - 1);
        assertThat(p).as("line %d", lineNumber).isInstanceOf(ParsedValue.Rejected.class);
        return ((ParsedValue.Rejected) p).message();
    }
}
