package org.straumflyt.publisher.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One measurement of the store: its name, tags, fields and how a row of type {@code R} becomes a point. The same
 * definition drives the writer, the QuestDB table DDL ({@link QuestDbTables}) and the documentation, so they cannot
 * drift apart.
 */
public final class Measurement<R> {
    private final String name;
    private final String description;
    private final Function<R, Instant> time;
    private final List<TagColumn<R>> tags;
    private final List<FieldColumn<R>> fields;

    private Measurement(String name, String description, Function<R, Instant> time, List<TagColumn<R>> tags,
            List<FieldColumn<R>> fields) {
        this.name = name;
        this.description = description;
        this.time = time;
        this.tags = List.copyOf(tags);
        this.fields = List.copyOf(fields);
    }

    /** Starts a definition; {@code time} gives the point's timestamp (the start of the row's period). */
    public static <R> Builder<R> named(String name, String description, Function<R, Instant> time) {
        return new Builder<>(name, description, time);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<TagColumn<R>> tags() {
        return tags;
    }

    public List<FieldColumn<R>> fields() {
        return fields;
    }

    /** The point of one row. Tags and fields whose value is {@code null} are left out. */
    public KpiPoint point(R row) {
        Map<String, String> tagValues = new TreeMap<>();
        for (TagColumn<R> tag : tags) {
            String value = tag.value().apply(row);
            if (value != null && !value.isEmpty()) {
                tagValues.put(tag.name(), value);
            }
        }
        Map<String, Object> fieldValues = new LinkedHashMap<>();
        for (FieldColumn<R> field : fields) {
            Object value = field.value().apply(row);
            if (value != null) {
                fieldValues.put(field.name(), value);
            }
        }
        return new KpiPoint(name, tagValues, fieldValues, time.apply(row));
    }

    /** Collects columns in order. */
    public static final class Builder<R> {
        private final String name;
        private final String description;
        private final Function<R, Instant> time;
        private final List<TagColumn<R>> tags = new ArrayList<>();
        private final List<FieldColumn<R>> fields = new ArrayList<>();

        private Builder(String name, String description, Function<R, Instant> time) {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("measurement name '" + name + "' must be lower snake case");
            }
            this.name = name;
            this.description = description;
            this.time = Objects.requireNonNull(time, "time");
        }

        public Builder<R> tag(String tagName, String tagDescription, Function<R, String> value) {
            tags.add(new TagColumn<>(checked(tagName), tagDescription, value));
            return this;
        }

        public Builder<R> field(String fieldName, FieldType type, String unit, String fieldDescription,
                Function<R, ?> value) {
            fields.add(new FieldColumn<>(checked(fieldName), type, unit, fieldDescription, value));
            return this;
        }

        public Measurement<R> build() {
            return new Measurement<>(name, description, time, tags, fields);
        }

        private String checked(String column) {
            if (!column.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("column '" + column + "' of " + name + " must be lower snake case");
            }
            boolean taken = tags.stream().anyMatch(t -> t.name().equals(column))
                    || fields.stream().anyMatch(f -> f.name().equals(column));
            if (taken) {
                throw new IllegalArgumentException("column '" + column + "' of " + name + " is defined twice");
            }
            return column;
        }
    }
}
