package org.straumflyt.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Flux query needs from the InfluxDB layout: the measurements and fields it filters on, and the columns
 * (tags, or fields after a pivot) it reads. Columns starting with '_' are Flux's own.
 */
record FluxQuery(Set<String> measurements, Set<String> fields, Set<String> columns) {
    private static final Pattern MEASUREMENT = Pattern.compile("r\\._measurement\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("r\\._field\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern RECORD_COLUMN = Pattern.compile("\\br\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern COLUMN_LIST = Pattern.compile("\\b(?:columns|rowKey|columnKey)\\s*:\\s*\\[([^]]*)]");
    private static final Pattern COLUMN_NAME = Pattern.compile("\\b(?:tag|valueColumn|column)\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    static FluxQuery parse(String flux) {
        String code = withoutComments(flux);
        Set<String> columns = new LinkedHashSet<>(all(RECORD_COLUMN, code));
        Matcher lists = COLUMN_LIST.matcher(code);
        while (lists.find()) {
            columns.addAll(all(STRING, lists.group(1)));
        }
        columns.addAll(all(COLUMN_NAME, code));
        columns.removeIf(c -> c.startsWith("_"));
        return new FluxQuery(all(MEASUREMENT, code), all(FIELD, code), columns);
    }

    private static String withoutComments(String flux) {
        return flux.replaceAll("//[^\n]*", "");
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
