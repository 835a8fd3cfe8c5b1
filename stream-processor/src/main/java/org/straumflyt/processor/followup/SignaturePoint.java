package org.straumflyt.processor.followup;

/**
 * One day of a reference period: its mean outdoor temperature and its energy.
 *
 * @param temperatureC daily mean outdoor temperature, °C
 * @param kwh          the day's energy, kWh
 */
public record SignaturePoint(double temperatureC, double kwh) {
    public SignaturePoint {
        if (!Double.isFinite(temperatureC) || !Double.isFinite(kwh)) {
            throw new IllegalArgumentException("a signature point needs a finite temperature and energy, was "
                    + temperatureC + " °C, " + kwh + " kWh");
        }
    }
}
