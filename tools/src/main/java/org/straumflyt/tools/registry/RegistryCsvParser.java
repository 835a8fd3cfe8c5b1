package org.straumflyt.tools.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.straumflyt.model.Building;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.tools.CsvFields;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.registry.RegistryColumn.Level;
import org.straumflyt.tools.registry.RegistryFile.MalformedFileException;

/**
 * Reads the registry CSV: UTF-8, a header naming the columns (any of {@link RegistryColumns#ALL}, in any order;
 * {@code building_id} is required), then one line per meter with its building's columns. On a building's later lines
 * the building columns may be left empty; where they are filled they must agree with the earlier line. Separated by
 * commas, or by semicolons with decimal commas (as a spreadsheet in a Norwegian locale saves it). Blank lines and
 * lines starting with {@code #} are skipped; cells may be wrapped in double quotes. A bad line is rejected with every
 * reason it has; its whole building is left out, since a registry record replaces the building with all its meters.
 */
public final class RegistryCsvParser {
    private static final char BOM = '\uFEFF';

    /** Reads the whole file. */
    public RegistryFile parse(BufferedReader reader) throws IOException {
        Header header = null;
        Map<String, Group> buildings = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        long lineNumber = 0;
        String line;
        while ((line = InputFiles.readLine(reader, lineNumber + 1)) != null) {
            lineNumber++;
            String text = lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = Header.parse(lineNumber, text);
                continue;
            }
            List<String> reasons = new ArrayList<>();
            Row row = header.row(text, reasons);
            Group group = row == null ? null : buildings.computeIfAbsent(row.buildingId(), id -> new Group(id));
            if (group != null) {
                group.add(lineNumber, row, reasons);
            }
            if (!reasons.isEmpty()) {
                rejections.add(new Rejection(lineNumber, String.join("; ", reasons)));
                if (group != null) {
                    group.rejected = true;
                }
            }
        }
        if (header == null) {
            throw new MalformedFileException("the file is empty: expected a header such as " + RegistryColumns.header());
        }
        List<RegistryEntry> entries = new ArrayList<>();
        for (Group group : buildings.values()) {
            if (group.rejected) {
                continue;
            }
            try {
                entries.add(group.entry());
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(group.firstLine, "building " + group.buildingId + ": " + e.getMessage()));
            }
        }
        rejections.sort(Comparator.comparingLong(Rejection::line));
        return new RegistryFile(lineNumber, entries, rejections);
    }

    /** The columns of the file, in its order, and its separator. */
    private record Header(List<RegistryColumn> columns, char separator) {
        static Header parse(long lineNumber, String text) {
            char separator = CsvFields.split(text, ',').size() == 1 && text.contains(";") ? ';' : ',';
            List<RegistryColumn> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : CsvFields.split(text, separator)) {
                String normalized = name.toLowerCase(Locale.ROOT);
                RegistryColumn column = RegistryColumns.named(normalized).orElseThrow(() -> new MalformedFileException(
                        "line " + lineNumber + ": unknown column '" + name + "'; the columns are "
                                + RegistryColumns.header()));
                if (!seen.add(normalized)) {
                    throw new MalformedFileException("line " + lineNumber + ": column '" + name + "' appears twice");
                }
                columns.add(column);
            }
            if (!seen.contains(RegistryColumns.BUILDING_ID)) {
                throw new MalformedFileException("line " + lineNumber + ": the header has no column "
                        + RegistryColumns.BUILDING_ID + "; the columns are " + RegistryColumns.header());
            }
            for (Map.Entry<String, Set<String>> group : RegistryColumns.groups().entrySet()) {
                Set<String> present = group.getValue().stream().filter(seen::contains)
                        .collect(Collectors.toSet());
                if (!present.isEmpty() && present.size() < group.getValue().size()) {
                    throw new MalformedFileException("line " + lineNumber + ": columns " + group.getValue()
                            + " go together; the header has only " + present);
                }
            }
            return new Header(List.copyOf(columns), separator);
        }

        /** The line's cells, read; {@code null} when there is no building id to group it by. */
        Row row(String text, List<String> reasons) {
            List<String> cells = CsvFields.split(text, separator);
            if (cells.size() > columns.size()) {
                reasons.add("expected at most " + columns.size() + " cells (one per header column), got "
                        + cells.size() + (separator == ',' ? " (a comma inside a value needs double quotes)" : ""));
                return null;
            }
            Map<RegistryColumn, JsonNode> values = new LinkedHashMap<>();
            Set<String> filled = new HashSet<>();
            String buildingId = null;
            for (int i = 0; i < cells.size(); i++) {
                RegistryColumn column = columns.get(i);
                String cell = cells.get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                filled.add(column.name());
                try {
                    values.put(column, column.cell().read(cell, separator == ';'));
                    if (column.name().equals(RegistryColumns.BUILDING_ID)) {
                        buildingId = cell;
                    }
                } catch (IllegalArgumentException e) {
                    reasons.add(column.name() + " '" + cell + "' " + e.getMessage());
                }
            }
            for (Set<String> together : RegistryColumns.groups().values()) {
                List<String> some = together.stream().filter(filled::contains).toList();
                if (!some.isEmpty() && some.size() < together.size()) {
                    reasons.add(String.join(" and ", together) + " go together; only " + String.join(", ", some)
                            + " is filled");
                }
            }
            if (buildingId == null) {
                if (reasons.isEmpty()) {
                    reasons.add(RegistryColumns.BUILDING_ID + " is empty");
                }
                return null;
            }
            return new Row(buildingId, values);
        }
    }

    private record Row(String buildingId, Map<RegistryColumn, JsonNode> values) {
        ObjectNode json(Level level) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            RegistryColumns.ALL.stream().filter(c -> c.level() == level && c.absent() != null)
                    .forEach(c -> put(json, c, c.absent()));
            values.forEach((column, value) -> {
                if (column.level() == level) {
                    put(json, column, value);
                }
            });
            return json;
        }

        boolean hasMeter() {
            return values.keySet().stream().anyMatch(c -> c.name().equals(RegistryColumns.METER_ID));
        }

        List<String> meterColumns() {
            return values.keySet().stream().filter(c -> c.level() == Level.METER).map(RegistryColumn::name).toList();
        }
    }

    /** The lines of one building. */
    private static final class Group {
        final String buildingId;
        final Map<RegistryColumn, Valued> building = new LinkedHashMap<>();
        final List<ObjectNode> meters = new ArrayList<>();
        final List<Long> meterLines = new ArrayList<>();
        long firstLine;
        boolean rejected;

        Group(String buildingId) {
            this.buildingId = buildingId;
        }

        void add(long line, Row row, List<String> reasons) {
            if (firstLine == 0) {
                firstLine = line;
            }
            row.values().forEach((column, value) -> {
                if (column.level() != Level.BUILDING) {
                    return;
                }
                Valued earlier = building.putIfAbsent(column, new Valued(line, value));
                if (earlier != null && !earlier.value().equals(value)) {
                    reasons.add(column.name() + " '" + value.asText() + "' differs from '" + earlier.value().asText()
                            + "' on line " + earlier.line() + " for building " + buildingId
                            + " (leave it empty on the building's later lines, or repeat it exactly)");
                }
            });
            if (!row.hasMeter()) {
                if (!row.meterColumns().isEmpty()) {
                    reasons.add(RegistryColumns.METER_ID + " is empty, but " + String.join(", ", row.meterColumns())
                            + " is filled");
                }
                return;
            }
            if (!reasons.isEmpty()) {
                return;
            }
            ObjectNode meter = row.json(Level.METER);
            try {
                RecordReader.read(meter, MeterSpec.class); // the meter's own checks, reported on its line
                meters.add(meter);
                meterLines.add(line);
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }

        RegistryEntry entry() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            RegistryColumns.ALL.stream().filter(c -> c.level() == Level.BUILDING && c.absent() != null)
                    .forEach(c -> put(json, c, c.absent()));
            building.forEach((column, valued) -> put(json, column, valued.value()));
            json.putArray("meters").addAll(meters);
            return new RegistryEntry(firstLine, meterLines, RecordReader.read(json, Building.class));
        }
    }

    private record Valued(long line, JsonNode value) {
    }

    /** Sets the column's field, creating the nested objects of its path. */
    private static void put(ObjectNode json, RegistryColumn column, JsonNode value) {
        ObjectNode parent = json;
        List<String> path = column.path();
        for (String name : path.subList(0, path.size() - 1)) {
            parent = parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
        }
        parent.set(path.get(path.size() - 1), value);
    }
}
