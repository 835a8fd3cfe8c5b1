package org.straumflyt.processor.portfolio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.straumflyt.model.Carrier;

/**
 * Sums of building-days over a period (internal).
 *
 * @param importKwh       energy used, kWh
 * @param correctedKwh    degree-day-corrected energy where the day has a correction, else the energy used, kWh
 * @param exportKwh       energy delivered, kWh
 * @param importByCarrier energy used by carrier, kWh
 * @param daysWithData    building-days with a daily record
 * @param correctedDays   of those, the days with a degree-day correction
 */
public record EnergySums(double importKwh, double correctedKwh, double exportKwh, Map<Carrier, Double> importByCarrier,
        int daysWithData, int correctedDays) {
    public static final EnergySums ZERO = new EnergySums(0, 0, 0, Map.of(), 0, 0);

    public EnergySums {
        importByCarrier = importByCarrier == null || importByCarrier.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(importByCarrier));
    }

    public EnergySums plus(DayEnergy day) {
        boolean corrected = day.correctedKwh() != null;
        return new EnergySums(importKwh + day.importKwh(),
                correctedKwh + (corrected ? day.correctedKwh() : day.importKwh()), exportKwh + day.exportKwh(),
                merged(importByCarrier, day.importByCarrier()), daysWithData + 1, correctedDays + (corrected ? 1 : 0));
    }

    public EnergySums plus(EnergySums other) {
        return new EnergySums(importKwh + other.importKwh, correctedKwh + other.correctedKwh,
                exportKwh + other.exportKwh, merged(importByCarrier, other.importByCarrier),
                daysWithData + other.daysWithData, correctedDays + other.correctedDays);
    }

    private static Map<Carrier, Double> merged(Map<Carrier, Double> a, Map<Carrier, Double> b) {
        Map<Carrier, Double> sum = new EnumMap<>(Carrier.class);
        sum.putAll(a);
        b.forEach((carrier, kwh) -> sum.merge(carrier, kwh, Double::sum));
        return sum;
    }
}
