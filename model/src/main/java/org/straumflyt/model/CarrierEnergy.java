package org.straumflyt.model;

/**
 * Energy of one carrier within a building period.
 *
 * @param importKwh energy used (imported), kWh
 * @param exportKwh energy delivered (exported), kWh
 * @param peakKw    highest power seen, kW, when known from power samples
 */
public record CarrierEnergy(double importKwh, double exportKwh, Double peakKw) {
    public static final CarrierEnergy ZERO = new CarrierEnergy(0, 0, null);

    /** The sum of two, with the higher peak. */
    public CarrierEnergy plus(CarrierEnergy other) {
        return new CarrierEnergy(importKwh + other.importKwh, exportKwh + other.exportKwh,
                maxOf(peakKw, other.peakKw));
    }

    static Double maxOf(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Double.valueOf(Math.max(a, b));
    }
}
