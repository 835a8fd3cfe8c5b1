package org.straumflyt.tools.elhub;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which column of the file holds what, 1-based as a spreadsheet shows them. The default is Elhub's download: start
 * of the interval, end of the interval, volume in kWh, no status ({@code 1,2,3}). A status column can be named; when
 * it is not, a header column called {@code status}, {@code kvalitet} or {@code quality} is taken.
 *
 * @param from   the column of the interval's start
 * @param to     the column of the interval's end
 * @param value  the column of the energy, kWh
 * @param status the column of the value's status (measured, estimated), or 0 for none
 */
public record ElhubColumns(int from, int to, int value, int status) {
    /** Header names that mark a status column when none is named. */
    static final Set<String> STATUS_NAMES = Set.of("status", "kvalitet", "quality", "kvalitetskode", "statuskode");

    public static final ElhubColumns DEFAULT = new ElhubColumns(1, 2, 3, 0);

    public ElhubColumns {
        if (from < 1 || to < 1 || value < 1 || status < 0) {
            throw new IllegalArgumentException("columns are numbered from 1 (status: 0 for none), got from=" + from
                    + " to=" + to + " value=" + value + " status=" + status);
        }
        if (from == to || from == value || to == value || status == from || status == to || status == value) {
            throw new IllegalArgumentException("from, to, value and status must be different columns, got from="
                    + from + " to=" + to + " value=" + value + " status=" + status);
        }
    }

    /** The same mapping with the status column taken from the header when none was named. */
    ElhubColumns withStatusFrom(List<String> header) {
        if (status != 0) {
            return this;
        }
        for (int i = 0; i < header.size(); i++) {
            int column = i + 1;
            if (column != from && column != to && column != value
                    && STATUS_NAMES.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                return new ElhubColumns(from, to, value, column);
            }
        }
        return this;
    }

    /** How many fields a data line needs: the status may be left off (a line without a value often has none). */
    int width() {
        return Math.max(Math.max(from, to), value);
    }

    @Override
    public String toString() {
        return "from=" + from + " to=" + to + " value=" + value + (status == 0 ? " status=none" : " status=" + status);
    }
}
