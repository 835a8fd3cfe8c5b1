package org.straumflyt.publisher.layout;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one KPI record becomes the points of one measurement: the rows it yields (one, or one per carrier) and the
 * measurement that turns each row into a point.
 */
public record Projection<V, R>(Measurement<R> measurement, Function<V, List<R>> rows) {
    public Projection {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(rows, "rows");
    }

    /** A projection that yields the record itself as its only row. */
    public static <V> Projection<V, V> single(Measurement<V> measurement) {
        return new Projection<>(measurement, List::of);
    }

    public List<KpiPoint> points(V value) {
        return rows.apply(value).stream().map(measurement::point).toList();
    }
}
