package org.straumflyt.publisher.layout;

import java.util.Objects;
import java.util.function.Function;

/**
 * A field of a measurement.
 *
 * @param name        the field key
 * @param type        its line-protocol type; the value function returns a matching Java type
 *                    ({@link Double}, {@link Long}, {@link String}, {@link Boolean})
 * @param unit        its unit ({@code kWh}, {@code kW}, {@code 1} for ratios, empty for none)
 * @param description what it holds, for the documentation
 * @param value       reads the field value from a row; {@code null} leaves the field out of the point
 */
public record FieldColumn<R>(String name, FieldType type, String unit, String description, Function<R, ?> value) {
    public FieldColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
    }
}
