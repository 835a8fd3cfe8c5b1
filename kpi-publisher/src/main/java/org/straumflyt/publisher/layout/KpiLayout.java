package org.straumflyt.publisher.layout;

import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Kpi;

/**
 * The layout of one KPI type: the measurements its records are written to.
 *
 * @param type        the KPI record type
 * @param projections one per measurement, the main one first
 */
public record KpiLayout<V extends Kpi>(Class<V> type, List<Projection<V, ?>> projections) {
    public KpiLayout {
        projections = List.copyOf(projections);
    }

    /** Every point of one record. */
    public List<KpiPoint> points(V value) {
        List<KpiPoint> points = new ArrayList<>();
        for (Projection<V, ?> projection : projections) {
            points.addAll(projection.points(value));
        }
        return points;
    }

    /** Every point of a record of unknown static type; it must be a {@link #type()}. */
    public List<KpiPoint> pointsOf(Kpi value) {
        return points(type.cast(value));
    }

    public List<Measurement<?>> measurements() {
        return projections.stream().<Measurement<?>>map(Projection::measurement).toList();
    }
}
