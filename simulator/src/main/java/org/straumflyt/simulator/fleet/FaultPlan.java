package org.straumflyt.simulator.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which faults to inject and how often (each rate is a probability per reading, 0..1).
 *
 * @param duplicates    a message is sent twice
 * @param reorder       a message is held back by one to three steps, so later ones overtake it
 * @param late          a message is held back by {@code lateDelay}
 * @param lateDelay     how long late messages are held back (simulated time)
 * @param resets        the register restarts from 0 (meter replaced)
 * @param rollovers     share of meters whose register starts just below its maximum and rolls over
 * @param glitches      a lone extra reading of 0 between two real ones
 * @param spikes        a lone extra reading far above the register between two real ones
 * @param gaps          the meter goes silent for 2–12 steps (its load held constant meanwhile)
 * @param garbage       an unparseable message on the meter's topic
 */
public record FaultPlan(double duplicates, double reorder, double late, Duration lateDelay, double resets,
        double rollovers, double glitches, double spikes, double gaps, double garbage) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, Duration.ofHours(2), 0, 0, 0, 0, 0, 0);

    public FaultPlan {
        for (double rate : new double[] {duplicates, reorder, late, resets, rollovers, glitches, spikes, gaps, garbage}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be within 0..1, got " + rate);
            }
        }
        if (lateDelay == null || lateDelay.isNegative()) {
            throw new IllegalArgumentException("late delay must be a positive duration, got " + lateDelay);
        }
    }

    /**
     * Parses {@code duplicates=0.01,reorder=0.01,late=0.005,late.delay=PT2H,resets=0.001,rollovers=0.1,
     * glitches=0.002,spikes=0.002,gaps=0.002,garbage=0.001}; {@code all=R} sets every rate to R.
     */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank() || text.equals("none")) {
            return NONE;
        }
        Map<String, String> values = new TreeMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault '" + part + "' is not name=value");
            }
            values.put(kv[0].trim(), kv[1].trim());
        }
        double all = rate(values.remove("all"), 0);
        FaultPlan plan = new FaultPlan(rate(values.remove("duplicates"), all), rate(values.remove("reorder"), all),
                rate(values.remove("late"), all),
                values.containsKey("late.delay") ? Duration.parse(values.remove("late.delay")) : Duration.ofHours(2),
                rate(values.remove("resets"), all), rate(values.remove("rollovers"), all),
                rate(values.remove("glitches"), all), rate(values.remove("spikes"), all), rate(values.remove("gaps"), all),
                rate(values.remove("garbage"), all));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown faults " + values.keySet() + "; known: duplicates, reorder, "
                    + "late, late.delay, resets, rollovers, glitches, spikes, gaps, garbage, all");
        }
        return plan;
    }

    private static double rate(String text, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault rate '" + text + "' is not a number");
        }
    }
}
