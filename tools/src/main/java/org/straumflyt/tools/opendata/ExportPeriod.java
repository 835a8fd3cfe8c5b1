package org.straumflyt.tools.opendata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The period of an export: local dates {@code [from, to]}, both included. Given as months ({@code 2026-01}: from its
 * first day, to its last) or dates ({@code 2026-01-15}). Daily rows are those dated within the period; monthly rows
 * those whose whole month lies within it, so a monthly figure never holds days outside the stated period.
 *
 * @param from first day, included
 * @param to   last day, included
 */
public record ExportPeriod(LocalDate from, LocalDate to) {
    public ExportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * Parses {@code --from} and {@code --to}, each a month ({@code yyyy-MM}) or a date ({@code yyyy-MM-dd}).
     *
     * @throws IllegalArgumentException naming the value that is neither, or a period that ends before it starts
     */
    public static ExportPeriod parse(String from, String to) {
        return new ExportPeriod(start(from), end(to));
    }

    private static LocalDate start(String text) {
        return isMonth(text) ? month(text, "--from").atDay(1) : date(text, "--from");
    }

    private static LocalDate end(String text) {
        return isMonth(text) ? month(text, "--to").atEndOfMonth() : date(text, "--to");
    }

    private static boolean isMonth(String text) {
        return text.trim().length() == 7;
    }

    private static YearMonth month(String text, String option) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is neither a month (2026-01) nor a date (2026-01-15)");
        }
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is neither a month (2026-01) nor a date (2026-01-15)");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether the whole month lies within the period. */
    public boolean containsWhole(YearMonth month) {
        return contains(month.atDay(1)) && contains(month.atEndOfMonth());
    }

    @Override
    public String toString() {
        return from + "/" + to;
    }
}
