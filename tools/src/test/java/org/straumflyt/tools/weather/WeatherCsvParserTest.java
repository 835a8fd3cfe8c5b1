package org.straumflyt.tools.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.WeatherDaily;

class WeatherCsvParserTest {
    private WeatherCsvParser parser;

    @BeforeEach
    void readHeader() {
        parser = new WeatherCsvParser();
        assertThat(parser.parse(1, "location_id,date,mean_temperature_c")).isInstanceOf(ParsedLine.Skipped.class);
    }

    @Test
    void readsADayWithANegativeTemperature() {
        ParsedLine line = parser.parse(2, "SN18700,2026-01-15,-3.4");

        assertThat(line).isEqualTo(new ParsedLine.Day(2, new WeatherDaily("SN18700", LocalDate.of(2026, 1, 15), -3.4)));
    }

    @Test
    void acceptsQuotedFieldsSpacesAndAByteOrderMarkBeforeTheHeader() {
        WeatherCsvParser fresh = new WeatherCsvParser();
        assertThat(fresh.parse(1, "\uFEFFLocation_ID, date ,mean_temperature_c")).isInstanceOf(ParsedLine.Skipped.class);

        assertThat(fresh.parse(2, "\"3201\" , 2026-02-01 , \"0.5\""))
                .isEqualTo(new ParsedLine.Day(2, new WeatherDaily("3201", LocalDate.of(2026, 2, 1), 0.5)));
    }

    @Test
    void skipsBlankLinesAndComments() {
        assertThat(parser.parse(2, "")).isInstanceOf(ParsedLine.Skipped.class);
        assertThat(parser.parse(3, "   ")).isInstanceOf(ParsedLine.Skipped.class);
        assertThat(parser.parse(4, "# measured at Blindern")).isInstanceOf(ParsedLine.Skipped.class);
    }

    @Test
    void rejectsALineWithTheWrongNumberOfFieldsNamingTheLine() {
        ParsedLine.Rejected rejected = rejected(parser.parse(7, "3201,2026-01-15"));

        assertThat(rejected.message()).isEqualTo(
                "line 7: expected 3 fields (location_id,date,mean_temperature_c), got 2 in '3201,2026-01-15'");
    }

    @Test
    void rejectsANonIsoDateNamingTheValue() {
        assertThat(rejected(parser.parse(3, "3201,15.01.2026,-3.4")).message())
                .isEqualTo("line 3: date '15.01.2026' is not an ISO date (yyyy-MM-dd, e.g. 2026-01-15)");
        assertThat(rejected(parser.parse(4, "3201,2026-02-30,-3.4")).reason()).contains("'2026-02-30'");
    }

    @Test
    void rejectsADecimalCommaWithAHint() {
        assertThat(rejected(parser.parse(5, "3201,2026-01-15,\"-3,4\"")).message())
                .isEqualTo("line 5: mean_temperature_c '-3,4' is not a number (use a decimal point, not a comma)");
    }

    @Test
    void rejectsImplausibleAndNonFiniteTemperatures() {
        assertThat(rejected(parser.parse(5, "3201,2026-01-15,271.15")).message())
                .isEqualTo("line 5: mean_temperature_c '271.15' is outside the plausible range -90..60 °C");
        assertThat(rejected(parser.parse(6, "3201,2026-01-15,NaN")).reason()).contains("'NaN'");
        assertThat(rejected(parser.parse(7, "3201,2026-01-15,")).reason()).contains("is not a number");
    }

    @Test
    void rejectsAnEmptyOrOddLocation() {
        assertThat(rejected(parser.parse(2, ",2026-01-15,1.0")).message()).isEqualTo("line 2: location_id is empty");
        assertThat(rejected(parser.parse(3, "Oslo Blindern,2026-01-15,1.0")).reason())
                .contains("location_id 'Oslo Blindern'");
    }

    @Test
    void failsTheWholeFileOnAWrongHeader() {
        WeatherCsvParser fresh = new WeatherCsvParser();

        assertThatThrownBy(() -> fresh.parse(1, "station,day,temperature"))
                .isInstanceOf(WeatherCsvParser.MalformedFileException.class)
                .hasMessage("line 1: expected the header 'location_id,date,mean_temperature_c', got 'station,day,temperature'");
    }

    @Test
    void explainsASemicolonSeparatedExport() {
        WeatherCsvParser fresh = new WeatherCsvParser();

        assertThatThrownBy(() -> fresh.parse(1, "Navn;Stasjon;Tid(norsk normaltid);Middeltemperatur (døgn)"))
                .hasMessageContaining("semicolon-separated export");
    }

    @Test
    void treatsAHeaderlessFileAsMalformedRatherThanSkippingItsFirstDay() {
        WeatherCsvParser fresh = new WeatherCsvParser();

        assertThatThrownBy(() -> fresh.parse(1, "3201,2026-01-15,-3.4"))
                .isInstanceOf(WeatherCsvParser.MalformedFileException.class);
    }

    private static ParsedLine.Rejected rejected(ParsedLine line) {
        assertThat(line).isInstanceOf(ParsedLine.Rejected.class);
        return (ParsedLine.Rejected) line;
    }
}
