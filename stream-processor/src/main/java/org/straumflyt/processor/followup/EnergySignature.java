package org.straumflyt.processor.followup;

/**
 * A building's energy signature: daily energy against daily mean outdoor temperature as a change-point model,
 * constant above the balance temperature and rising linearly as it gets colder below it:
 * <pre>
 *   E(t) = baseKwh + heatingKwhPerDegree · max(0, balanceC − t)
 * </pre>
 * A signature without a heating part ({@code heatingKwhPerDegree} 0) is the mean of its days.
 *
 * @param balanceC            balance temperature, °C: below it the building heats
 * @param baseKwh             daily energy at or above the balance temperature, kWh
 * @param heatingKwhPerDegree additional daily energy per degree below the balance temperature, kWh/°C, ≥ 0
 * @param days                the reference days it was fitted on
 * @param r2                  coefficient of determination of the fit, 1 − SSE/SST (1 when every day had the same
 *                            energy and the fit is exact)
 * @param cvRmse              coefficient of variation of the root-mean-square error, √(SSE / (n − p)) ÷ mean
 *                            energy, with p = 3 parameters for a change-point fit and 1 for a constant one
 *                            (ASHRAE Guideline 14's measure); {@code null} when n ≤ p or the mean is 0
 */
public record EnergySignature(double balanceC, double baseKwh, double heatingKwhPerDegree, int days, double r2,
        Double cvRmse) {

    /** The energy expected on a day with this mean outdoor temperature, kWh. */
    public double expectedKwh(double temperatureC) {
        return baseKwh + heatingKwhPerDegree * Math.max(0, balanceC - temperatureC);
    }

    /** A day's energy against what this signature expects for the day's temperature. */
    public Deviation deviation(double actualKwh, double temperatureC) {
        return Deviation.of(actualKwh, expectedKwh(temperatureC));
    }

    /** Whether the signature has a heating part. */
    public boolean heats() {
        return heatingKwhPerDegree > 0;
    }
}
