package org.straumflyt.tools.weather;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.straumflyt.model.IdRules;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.tools.CsvFields;

/**
 * Parses a weather CSV line by line: UTF-8, comma-separated, a header line {@value #HEADER}, then one day per line,
 * e.g. {@code SN18700,2026-01-15,-3.4}. Dates are ISO ({@code yyyy-MM-dd}), temperatures in °C with a decimal
 * point. Blank lines and lines starting with {@code #} are skipped; fields may be wrapped in double quotes.
 * A wrong header makes the whole file unreadable ({@link MalformedFileException}); a bad data line is
 * {@link ParsedLine.Rejected} with a reason that names the bad value. Not thread-safe: it remembers whether it has
 * seen the header.
 */
public final class WeatherCsvParser {
    public static final String HEADER = "location_id,date,mean_temperature_c";
    private static final List<String> COLUMNS = List.of("location_id", "date", "mean_temperature_c");
    /** °C; daily means beyond this range have never been measured, so such a value is a unit or typing error. */
    static final double MIN_PLAUSIBLE_C = -90;
    static final double MAX_PLAUSIBLE_C = 60;
    /** Letters (also æøå), digits and {@code . _ : / -}: what station and municipality ids are made of. */
    private static final char BOM = '\uFEFF';

    private boolean headerSeen;

    /** The whole file is not in the expected shape; nothing of it should be imported. */
    public static final class MalformedFileException extends IllegalArgumentException {
        MalformedFileException(String message) {
            super(message);
        }
    }

    /**
     * Parses the next line.
     *
     * @param lineNumber its 1-based number in the file
     * @param line       the line without its line terminator
     * @throws MalformedFileException when the first non-blank line is not the expected header
     */
    public ParsedLine parse(long lineNumber, String line) {
        String text = lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
        if (text.isBlank() || text.stripLeading().startsWith("#")) {
            return new ParsedLine.Skipped(lineNumber);
        }
        if (!headerSeen) {
            checkHeader(lineNumber, text);
            headerSeen = true;
            return new ParsedLine.Skipped(lineNumber);
        }
        return parseDay(lineNumber, text);
    }

    private static void checkHeader(long lineNumber, String text) {
        List<String> names = fields(text).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        if (names.equals(COLUMNS)) {
            return;
        }
        String hint = text.contains(";")
                ? " (this looks like a semicolon-separated export, e.g. from seklima.met.no: convert it to "
                        + HEADER + " with ISO dates and decimal points; see docs/OPEN-DATA.md)"
                : "";
        throw new MalformedFileException("line " + lineNumber + ": expected the header '" + HEADER + "', got '"
                + text.strip() + "'" + hint);
    }

    private static ParsedLine parseDay(long lineNumber, String text) {
        List<String> fields = fields(text);
        if (fields.size() != COLUMNS.size()) {
            return new ParsedLine.Rejected(lineNumber, "expected 3 fields (" + HEADER + "), got " + fields.size()
                    + " in '" + text.strip() + "'");
        }
        String location = fields.get(0);
        if (location.isEmpty()) {
            return new ParsedLine.Rejected(lineNumber, "location_id is empty");
        }
        String problem = IdRules.problem(location);
        if (problem != null) {
            return new ParsedLine.Rejected(lineNumber, "location_id '" + location + "' " + problem);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields.get(1));
        } catch (DateTimeParseException e) {
            return new ParsedLine.Rejected(lineNumber, "date '" + fields.get(1)
                    + "' is not an ISO date (yyyy-MM-dd, e.g. 2026-01-15)");
        }
        String temperatureText = fields.get(2);
        double temperature;
        try {
            temperature = Double.parseDouble(temperatureText);
        } catch (NumberFormatException e) {
            String hint = temperatureText.contains(",") ? " (use a decimal point, not a comma)" : "";
            return new ParsedLine.Rejected(lineNumber, "mean_temperature_c '" + temperatureText
                    + "' is not a number" + hint);
        }
        if (!(temperature >= MIN_PLAUSIBLE_C && temperature <= MAX_PLAUSIBLE_C)) {
            return new ParsedLine.Rejected(lineNumber, "mean_temperature_c '" + temperatureText
                    + "' is outside the plausible range " + (int) MIN_PLAUSIBLE_C + ".." + (int) MAX_PLAUSIBLE_C + " °C");
        }
        return new ParsedLine.Day(lineNumber, new WeatherDaily(location, date, temperature));
    }

    private static List<String> fields(String line) {
        return CsvFields.split(line, ',');
    }
}
