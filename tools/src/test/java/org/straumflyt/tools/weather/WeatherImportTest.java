package org.straumflyt.tools.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.tools.ImportSink;

class WeatherImportTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final RecordingSink sink = new RecordingSink();

    @Test
    void sendsEveryValidDayAndReportsEachBadLineByNumber() throws Exception {
        String csv = """
                location_id,date,mean_temperature_c
                3201,2026-01-01,-3.5
                3201,2026-01-02,minus two
                3201,2026-01-03,-1.4

                1508,2026-01-01,0.2
                1508,2026-13-01,0.2
                """;

        ImportReport report = importing(csv);

        assertThat(sink.days).extracting(WeatherDaily::locationId, WeatherDaily::date).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3201", LocalDate.of(2026, 1, 1)),
                org.assertj.core.groups.Tuple.tuple("3201", LocalDate.of(2026, 1, 3)),
                org.assertj.core.groups.Tuple.tuple("1508", LocalDate.of(2026, 1, 1)));
        assertThat(report).isEqualTo(new ImportReport(7, 3, 3, 2, 0, 2, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 3)));
        assertThat(report.complete()).isFalse();
        assertThat(errors()).contains("rejected line 3: mean_temperature_c 'minus two' is not a number",
                "rejected line 7: date '2026-13-01' is not an ISO date");
    }

    @Test
    void sendsAnIdenticalRepeatedLineOnce() throws Exception {
        ImportReport report = importing("location_id,date,mean_temperature_c\n3201,2026-01-01,-3.5\n3201,2026-01-01,-3.5\n");

        assertThat(sink.days).hasSize(1);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.complete()).isTrue();
    }

    @Test
    void rejectsASecondTemperatureForTheSameLocationAndDate() throws Exception {
        ImportReport report = importing("location_id,date,mean_temperature_c\n3201,2026-01-01,-3.5\n3201,2026-01-01,4.0\n");

        assertThat(sink.days).extracting(WeatherDaily::meanTemperatureC).containsExactly(-3.5);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(errors()).contains("rejected line 3: location 3201 on 2026-01-01 has 4.0 °C, but line 2 has -3.5 °C");
    }

    @Test
    void sendsNothingWhenTheHeaderIsWrong() {
        assertThatThrownBy(() -> importing("loc;date;temp\n3201;2026-01-01;-3.5\n"))
                .isInstanceOf(WeatherCsvParser.MalformedFileException.class);
        assertThat(sink.days).isEmpty();
    }

    @Test
    void printsProgressOncePerIntervalOfTheClock() throws Exception {
        StringBuilder csv = new StringBuilder("location_id,date,mean_temperature_c\n");
        for (int day = 1; day <= 10; day++) {
            csv.append("3201,2026-01-").append(String.format("%02d", day)).append(",1.0\n");
        }
        // Each reading of the clock moves it on one second; progress every 4 s.
        Clock ticking = new Clock() {
            private Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public Instant instant() {
                now = now.plusSeconds(1);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };

        new WeatherImport(sink, err, ticking, Duration.ofSeconds(4))
                .run(new BufferedReader(new StringReader(csv.toString())));

        assertThat(errors().lines().filter(l -> l.startsWith("weather-import: ")).toList())
                .containsExactly("weather-import: 4 lines read, 3 days confirmed, 0 rejected",
                        "weather-import: 8 lines read, 7 days confirmed, 0 rejected");
    }

    private ImportReport importing(String csv) throws Exception {
        return new WeatherImport(sink, err, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(2))
                .run(new BufferedReader(new StringReader(csv)));
    }

    private String errors() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Keeps what it is sent and confirms it at once. */
    private static final class RecordingSink implements ImportSink<WeatherDaily> {
        final List<WeatherDaily> days = new ArrayList<>();

        @Override
        public void send(long lineNumber, WeatherDaily day) {
            days.add(day);
        }

        @Override
        public long acknowledged() {
            return days.size();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
