package org.straumflyt.processor.portfolio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.Carrier;

/**
 * What the portfolio keeps of one building-day (internal).
 *
 * @param importKwh        energy used, kWh
 * @param exportKwh        energy delivered (on-site production), kWh
 * @param importByCarrier  energy used by carrier, kWh
 * @param degreeDays       the day's degree days, when its temperature is known
 * @param normalDegreeDays the day's normal degree days, with {@code degreeDays}
 * @param meterCoverage    the part of the day's expected meter-hours that was measured, 0..1
 */
public record DayEnergy(double importKwh, double exportKwh, Map<Carrier, Double> importByCarrier, Double degreeDays,
        Double normalDegreeDays, double meterCoverage) {
    public DayEnergy {
        importByCarrier = importByCarrier == null || importByCarrier.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(importByCarrier));
    }

    public static DayEnergy of(BuildingDaily day) {
        Map<Carrier, Double> byCarrier = new EnumMap<>(Carrier.class);
        day.carriers().forEach((carrier, energy) -> byCarrier.put(carrier, energy.importKwh()));
        return new DayEnergy(day.importKwh(), day.exportKwh(), byCarrier, day.degreeDays(), day.normalDegreeDays(),
                day.meterCoverage());
    }

    /** Whether every expected meter reported for the whole day. */
    public boolean complete() {
        return meterCoverage >= BuildingDaily.COMPLETE;
    }

    public boolean hasTemperature() {
        return degreeDays != null && normalDegreeDays != null;
    }
}
