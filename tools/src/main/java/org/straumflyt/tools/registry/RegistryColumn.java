package org.straumflyt.tools.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One column of the registry CSV: which field of the registry record its cells fill, and how a cell is read.
 *
 * @param name        the column's name in the header (lower snake case)
 * @param level       whether it describes the building (repeated on each of its meter lines) or the meter
 * @param field       the JSON field it fills, a dotted path for nested objects (e.g. {@code location.lat})
 * @param cell        reads one non-empty cell into the field's JSON value
 * @param description one line for the documentation and the usage
 * @param absent      the field's value when the cell is empty or the column missing, for the record's fields that
 *                    cannot be left out (numbers and yes/no); {@code null} to leave the field out
 */
public record RegistryColumn(String name, Level level, String field, CellReader cell, String description,
        JsonNode absent) {

    /** Which record a column belongs to. */
    public enum Level {
        BUILDING,
        METER
    }

    /** Reads a cell; throws {@link IllegalArgumentException} with a reason naming what is allowed. */
    @FunctionalInterface
    public interface CellReader {
        /**
         * @param text         the cell, trimmed and not empty
         * @param decimalComma whether a decimal comma is allowed (semicolon-separated files, as spreadsheets in a
         *                     Norwegian locale save them)
         */
        JsonNode read(String text, boolean decimalComma);
    }

    public RegistryColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(cell, "cell");
    }

    /** The same column with a value for an empty cell. */
    RegistryColumn withAbsent(JsonNode value) {
        return new RegistryColumn(name, level, field, cell, description, value);
    }

    /** The field's path: {@code ["location", "lat"]}. */
    public List<String> path() {
        return List.of(field.split("\\."));
    }

    /** The nested object the field is in, or {@code ""} for a top-level field. */
    String parent() {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? "" : field.substring(0, dot);
    }
}
