package org.straumflyt.processor.portfolio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Carrier;

/**
 * What the portfolio keeps of one building-day (internal).
 *
 * @param importKwh       energy used, kWh
 * @param correctedKwh    degree-day-corrected energy, kWh, when the day has a correction
 * @param exportKwh       energy delivered (on-site production), kWh
 * @param importByCarrier energy used by carrier, kWh
 */
public record DayEnergy(double importKwh, Double correctedKwh, double exportKwh, Map<Carrier, Double> importByCarrier) {
    public DayEnergy {
        importByCarrier = importByCarrier == null || importByCarrier.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(importByCarrier));
    }

    public static DayEnergy of(BuildingDaily day) {
        Map<Carrier, Double> byCarrier = new EnumMap<>(Carrier.class);
        day.carriers().forEach((carrier, energy) -> byCarrier.put(carrier, energy.importKwh()));
        return new DayEnergy(day.importKwh(), day.correctedKwh(), day.exportKwh(), byCarrier);
    }
}
