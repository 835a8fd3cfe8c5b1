package org.straumflyt.processor.followup;

/**
 * A day's actual energy against what its signature expects for the day's temperature.
 *
 * @param actualKwh   measured energy, kWh
 * @param expectedKwh expected energy, kWh
 * @param kwh         actual − expected, kWh (positive: more than expected)
 * @param percent     {@code kwh ÷ expectedKwh × 100}, or {@code null} when nothing is expected
 */
public record Deviation(double actualKwh, double expectedKwh, double kwh, Double percent) {
    /** The deviation of {@code actualKwh} from {@code expectedKwh}. */
    public static Deviation of(double actualKwh, double expectedKwh) {
        double kwh = actualKwh - expectedKwh;
        return new Deviation(actualKwh, expectedKwh, kwh, expectedKwh > 0 ? kwh / expectedKwh * 100 : null);
    }
}
