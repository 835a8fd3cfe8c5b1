package org.straumflyt.publisher.layout;

import java.util.List;
import java.util.Map;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.Kpi;

/** One carrier of a building KPI: the row behind the {@code *_carrier} measurements. */
public record CarrierRow<V extends Kpi>(V kpi, Carrier carrier, CarrierEnergy energy) {

    /** One row per carrier the record has, in carrier order. */
    static <V extends Kpi> List<CarrierRow<V>> of(V kpi, Map<Carrier, CarrierEnergy> carriers) {
        return carriers.entrySet().stream().map(e -> new CarrierRow<>(kpi, e.getKey(), e.getValue())).toList();
    }
}
