package org.straumflyt.tools.elhub;

import java.util.Locale;
import java.util.Set;

/**
 * What a value's status column says. A canonical reading has no quality field, so the import can only keep a value
 * (measured or estimated alike) or leave it out ({@code --skip-estimated}); the report counts the estimated ones.
 */
public enum ValueStatus {
    /** No status column, or an empty cell. */
    UNKNOWN,
    /** Measured by the meter. */
    MEASURED,
    /** Estimated (stipulated) by the grid company or Elhub, e.g. for a gap in the meter's data. */
    ESTIMATED,
    /** A status this import does not know; kept like a measured value and counted. */
    OTHER;

    private static final Set<String> MEASURED_WORDS = Set.of("målt", "maalt", "measured", "actual", "ok");
    private static final Set<String> ESTIMATED_WORDS = Set.of("estimert", "estimated", "stipulert", "stipulated",
            "beregnet", "calculated");

    /** The status of a cell, by the words Elhub's Norwegian and English exports use (case-insensitive). */
    public static ValueStatus of(String cell) {
        String word = cell.strip().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return UNKNOWN;
        }
        if (MEASURED_WORDS.contains(word)) {
            return MEASURED;
        }
        if (ESTIMATED_WORDS.contains(word)) {
            return ESTIMATED;
        }
        return OTHER;
    }
}
