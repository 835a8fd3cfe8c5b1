package org.straumflyt.processor.portfolio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.processor.calendar.DegreeDayRules;
import org.straumflyt.processor.rollup.EnergyRollup;

/**
 * Sums of one building's days over a period (internal): what its indicators and its degree-day correction need. The
 * energy part is an {@link EnergyRollup} of the days (import by carrier, totals, meter-days, days with data), kept in
 * this form, which the contributions topic carries.
 *
 * @param importKwh        energy used, kWh
 * @param exportKwh        energy delivered, kWh
 * @param importByCarrier  energy used by carrier, kWh
 * @param daysWithData     building-days with a daily record
 * @param completeDays     of those, the days on which every expected meter reported for the whole day
 * @param meterDays        Σ of the days' meter coverage: expected meter-days measured, in days
 * @param weatherDays      days with data and a temperature
 * @param weatherKwh       Σ E of those days, kWh
 * @param degreeDays       Σ GD_actual of those days
 * @param normalDegreeDays Σ GD_normal of those days
 */
public record EnergySums(double importKwh, double exportKwh, Map<Carrier, Double> importByCarrier, int daysWithData,
        int completeDays, double meterDays, int weatherDays, double weatherKwh, double degreeDays,
        double normalDegreeDays) {
    public static final EnergySums ZERO = new EnergySums(0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0);

    public EnergySums {
        importByCarrier = importByCarrier == null || importByCarrier.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(importByCarrier));
    }

    public EnergySums plus(DayEnergy day) {
        boolean weather = day.hasTemperature();
        EnergyRollup sums = rollup().plus(energyOf(day.importByCarrier()), day.importKwh(), day.exportKwh(),
                day.meterCoverage(), Set.of());
        Map<Carrier, Double> byCarrier = new EnumMap<>(Carrier.class);
        sums.carriers().forEach((carrier, energy) -> byCarrier.put(carrier, energy.importKwh()));
        return new EnergySums(sums.imported(), sums.exported(), byCarrier, sums.parts(),
                completeDays + (day.complete() ? 1 : 0), sums.coverage(),
                weatherDays + (weather ? 1 : 0), weatherKwh + (weather ? day.importKwh() : 0),
                degreeDays + (weather ? day.degreeDays() : 0),
                normalDegreeDays + (weather ? day.normalDegreeDays() : 0));
    }

    /** The energy sums as a rollup of the days: its coverage is the meter-days, its parts the days with data. */
    private EnergyRollup rollup() {
        return new EnergyRollup(energyOf(importByCarrier), importKwh, exportKwh, meterDays, daysWithData, Map.of());
    }

    private static Map<Carrier, CarrierEnergy> energyOf(Map<Carrier, Double> importByCarrier) {
        Map<Carrier, CarrierEnergy> energy = new EnumMap<>(Carrier.class);
        importByCarrier.forEach((carrier, kwh) -> energy.put(carrier, new CarrierEnergy(kwh, 0, null)));
        return energy;
    }

    /**
     * The period's energy, degree-day-corrected once on the period's sums: the energy of the days with a temperature
     * corrected with their Σ GD_actual and Σ GD_normal, the other days as measured. When those days have no degree
     * days at all the correction is impossible and they count as measured ({@link #correctionImpossible()}).
     */
    public double correctedKwh(DegreeDayRules rules, BuildingCategory category) {
        Double corrected = rules.correctedPeriod(weatherKwh, degreeDays, normalDegreeDays, category);
        return importKwh - weatherKwh + (corrected == null ? weatherKwh : corrected);
    }

    /** Whether days with a temperature had no degree days between them (a summer period): nothing to scale. */
    public boolean correctionImpossible() {
        return weatherDays > 0 && !(degreeDays > 0);
    }
}
