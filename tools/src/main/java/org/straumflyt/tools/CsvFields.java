package org.straumflyt.tools;

import java.util.ArrayList;
import java.util.List;

/** Splitting of one CSV line, as the import commands read them. */
public final class CsvFields {
    private CsvFields() {
    }

    /**
     * Splits on {@code delimiter} outside double quotes ({@code ""} inside quotes is one quote); trims each field and
     * removes its quotes.
     */
    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
