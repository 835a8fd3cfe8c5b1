package org.straumflyt.tools.elhub;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Set;
import org.straumflyt.tools.CsvFields;

/**
 * Parses the metering values Elhub lets a customer download, line by line: one interval per line with its start, its
 * end and its volume in kWh ({@link ElhubColumns} says which column is which), separated by {@code ;} (or another
 * separator). A header line is recognised by its start field not being a time, and skipped.
 *
 * <ul>
 * <li>Times: {@code dd.MM.yyyy HH:mm} as Elhub writes them, or ISO {@code yyyy-MM-dd HH:mm} /
 * {@code yyyy-MM-ddTHH:mm[:ss]}, in the given zone's local time (Europe/Oslo); or ISO with an offset or {@code Z},
 * taken as written.</li>
 * <li>Values: a decimal comma or point ({@code 1,234} is 1.234 kWh: Elhub writes no thousands separator); an empty
 * cell or {@code -} is a missing value.</li>
 * <li>Intervals of 15 minutes (PT15M) or one hour (PT1H, PT60M); both may appear in one file.</li>
 * <li>Daylight saving: in autumn the local hour 02:00–03:00 comes twice. Lines come in time order, so a repeated
 * local start is the instant that continues where the previous line ended (the summer-time one the first time, the
 * winter-time one the second), or repeats the previous line's. An end time that names no instant of its own (03:00 after the
 * first 02:00 hour, 02:00 in the spring gap) is the start plus the interval's wall-clock length.</li>
 * </ul>
 * Not thread-safe: it remembers the header and the previous line's interval.
 */
public final class ElhubCsvParser {
    /** The interval lengths Elhub's metering values have. */
    static final Set<Duration> RESOLUTIONS = Set.of(Duration.ofMinutes(15), Duration.ofHours(1));
    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter NORWEGIAN = new DateTimeFormatterBuilder().appendPattern("dd.MM.yyyy HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd().toFormatter();
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .toFormatter();

    private final ZoneId zone;
    private final char separator;
    private ElhubColumns columns;
    private boolean started;
    /** The previous line's interval, to tell the two instants of a repeated autumn time apart. */
    private Instant previousStart;
    private Instant previousEnd;

    /**
     * @param zone      the zone of local times without an offset (Elhub: Europe/Oslo)
     * @param separator the field separator (Elhub: {@code ;})
     * @param columns   which column holds what
     */
    public ElhubCsvParser(ZoneId zone, char separator, ElhubColumns columns) {
        this.zone = zone;
        this.separator = separator;
        this.columns = columns;
    }

    /** The column mapping in use: the given one, with the status column the header named if none was given. */
    public ElhubColumns columns() {
        return columns;
    }

    /**
     * Parses the next line.
     *
     * @param lineNumber its 1-based number in the file
     * @param line       the line without its terminator
     */
    public ParsedValue parse(long lineNumber, String line) {
        String text = lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
        if (text.isBlank() || text.stripLeading().startsWith("#")) {
            return new ParsedValue.Skipped(lineNumber);
        }
        List<String> fields = CsvFields.split(text, separator);
        if (!started) {
            started = true;
            if (fields.size() >= columns.from() && time(fields.get(columns.from() - 1)) == null) {
                columns = columns.withStatusFrom(fields);
                return new ParsedValue.Skipped(lineNumber);
            }
        }
        return parseValue(lineNumber, text, fields);
    }

    private ParsedValue parseValue(long lineNumber, String text, List<String> fields) {
        if (fields.size() < columns.width()) {
            String hint = fields.size() == 1 && separator != ',' && text.contains(",")
                    ? " (the file looks comma-separated: give --separator ,)" : "";
            return new ParsedValue.Rejected(lineNumber, "expected at least " + columns.width() + " fields separated by '"
                    + separator + "' (" + columns + "), got " + fields.size() + " in '" + text.strip() + "'" + hint);
        }
        String fromText = fields.get(columns.from() - 1);
        String toText = fields.get(columns.to() - 1);
        Time from = time(fromText);
        if (from == null) {
            return new ParsedValue.Rejected(lineNumber, "start '" + fromText + "' is not a time (dd.MM.yyyy HH:mm, "
                    + "e.g. 27.10.2024 02:00, or ISO 2024-10-27T02:00)");
        }
        Time to = time(toText);
        if (to == null) {
            return new ParsedValue.Rejected(lineNumber, "end '" + toText + "' is not a time (dd.MM.yyyy HH:mm, "
                    + "e.g. 27.10.2024 03:00, or ISO 2024-10-27T03:00)");
        }
        Instant start;
        if (from.instant() != null) {
            start = from.instant();
        } else {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(from.local());
            if (offsets.isEmpty()) {
                return new ParsedValue.Rejected(lineNumber, "start '" + fromText + "' does not exist in " + zone
                        + " (the clocks skip it when daylight saving time begins)");
            }
            start = startOf(from.local(), offsets);
        }
        Instant end = endOf(start, from, to);
        if (end == null) {
            return new ParsedValue.Rejected(lineNumber, "interval " + fromText + " – " + toText + " is "
                    + Duration.between(start, to.instantIn(zone)) + " long; expected 15 minutes (PT15M) or one hour "
                    + "(PT1H)");
        }
        previousStart = start;
        previousEnd = end;
        String valueText = fields.get(columns.value() - 1);
        if (valueText.isEmpty() || valueText.equals("-")) {
            return new ParsedValue.Missing(lineNumber, start, end);
        }
        Double kwh = number(valueText);
        if (kwh == null) {
            return new ParsedValue.Rejected(lineNumber, "value '" + valueText + "' is not a number of kWh (e.g. 1,234 "
                    + "or 1.234, no thousands separator)");
        }
        if (kwh < 0) {
            return new ParsedValue.Rejected(lineNumber, "value '" + valueText + "' is negative; a volume of "
                    + "consumption or production is not");
        }
        ValueStatus status = columns.status() == 0 || fields.size() < columns.status() ? ValueStatus.UNKNOWN
                : ValueStatus.of(fields.get(columns.status() - 1));
        return new ParsedValue.Value(lineNumber, start, end, kwh, status);
    }

    /**
     * The start of a repeated autumn local time, which has two instants. Files are in time order, so it is the one
     * that continues right where the previous line ended (the later one first: after the first 02:00–03:00 hour comes
     * the second); else the one of the previous line's start (the previous line repeated); else the earliest one not
     * before the previous line's end; else the earlier one.
     */
    private Instant startOf(LocalDateTime local, List<ZoneOffset> offsets) {
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        Instant a = local.toInstant(offsets.get(0));
        Instant b = local.toInstant(offsets.get(1));
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        if (previousEnd == null) {
            return earlier;
        }
        for (Instant candidate : List.of(later, earlier)) {
            if (candidate.equals(previousEnd)) {
                return candidate;
            }
        }
        for (Instant candidate : List.of(earlier, later)) {
            if (candidate.equals(previousStart)) {
                return candidate;
            }
        }
        return !earlier.isBefore(previousEnd) ? earlier : !later.isBefore(previousEnd) ? later : earlier;
    }

    /**
     * The end: the end time as an instant that makes a 15- or 60-minute interval (either instant of a repeated autumn
     * time), else the start plus the wall-clock length when that is 15 or 60 minutes (an end time the clocks skip or
     * one written as 03:00 after the first 02:00 hour), else {@code null}.
     */
    private Instant endOf(Instant start, Time from, Time to) {
        if (to.instant() != null) {
            return RESOLUTIONS.contains(Duration.between(start, to.instant())) ? to.instant() : null;
        }
        for (ZoneOffset offset : zone.getRules().getValidOffsets(to.local())) {
            Instant end = to.local().toInstant(offset);
            if (RESOLUTIONS.contains(Duration.between(start, end))) {
                return end;
            }
        }
        Duration wall = Duration.between(from.local() != null ? from.local()
                : LocalDateTime.ofInstant(start, zone), to.local());
        return RESOLUTIONS.contains(wall) ? start.plus(wall) : null;
    }

    /** A number with a decimal comma or point; {@code null} when it is none. */
    static Double number(String text) {
        String t = text.strip();
        if (t.indexOf(',') >= 0 && t.indexOf('.') >= 0 || t.indexOf(',') != t.lastIndexOf(',')) {
            return null;
        }
        if (!t.matches("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)")) {
            return null;
        }
        return Double.parseDouble(t.replace(',', '.'));
    }

    /** A time as written: local (no offset) or an instant (with offset); {@code null} when it is no time. */
    private static Time time(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : List.of(NORWEGIAN, ISO_LOCAL)) {
            try {
                return new Time(LocalDateTime.parse(t, f), null);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return new Time(null, OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A parsed time: exactly one of {@code local} and {@code instant}. */
    private record Time(LocalDateTime local, Instant instant) {
        /** The instant; a local time in the zone's earlier offset, or after the gap when it falls into one. */
        Instant instantIn(ZoneId zone) {
            return instant != null ? instant : ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
    }
}
