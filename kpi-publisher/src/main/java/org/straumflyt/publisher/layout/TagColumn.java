package org.straumflyt.publisher.layout;

import java.util.Objects;
import java.util.function.Function;

/**
 * A tag of a measurement: a stable id that is part of the series identity (and of the QuestDB dedup key).
 *
 * @param name        the tag key
 * @param description what it holds, for the documentation
 * @param value       reads the tag value from a row; {@code null} leaves the tag out
 */
public record TagColumn<R>(String name, String description, Function<R, String> value) {
    public TagColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
