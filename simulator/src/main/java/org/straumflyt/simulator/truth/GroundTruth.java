package org.straumflyt.simulator.truth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.simulator.fleet.SimMeter;

/**
 * The exact energy the simulated meters' registers recorded, by meter-hour and building-hour: every step between
 * two register readings of a meter, split at UTC hour borders in proportion to time (the meter's power is constant
 * within a step, so this is the true split).
 */
public final class GroundTruth {
    private final Instant end;

    private final Instant start;

    /** Ground truth for the hours of {@code [start, end)}; later hours are partly covered and left out. */
    public GroundTruth(Instant start, Instant end) {
        this.start = start;
        this.end = end;
    }

    /** meter id → hour → kWh. */
    private final Map<String, Map<Instant, Double>> meterHours = new TreeMap<>();
    private final Map<String, String> buildingOf = new TreeMap<>();
    private final Map<String, String> carrierOf = new TreeMap<>();

    /** Books {@code energyWh} consumed evenly over {@code [stepStart, stepStart + stepSeconds)}. */
    public synchronized void addStep(SimMeter meter, Instant stepStart, int stepSeconds, long energyWh) {
        buildingOf.put(meter.meterId(), meter.buildingId());
        carrierOf.put(meter.meterId(), meter.carrier().wireName());
        Map<Instant, Double> hours = meterHours.computeIfAbsent(meter.meterId(), k -> new TreeMap<>());
        Instant stepEnd = stepStart.plusSeconds(stepSeconds);
        Instant from = stepStart;
        while (from.isBefore(stepEnd)) {
            Instant hour = from.truncatedTo(ChronoUnit.HOURS);
            Instant to = hour.plus(1, ChronoUnit.HOURS).isBefore(stepEnd) ? hour.plus(1, ChronoUnit.HOURS) : stepEnd;
            double share = (double) (to.toEpochMilli() - from.toEpochMilli()) / (stepSeconds * 1000L);
            if (hour.isBefore(end)) {
                hours.merge(hour, energyWh / 1000.0 * share, Double::sum);
            }
            from = to;
        }
    }

    /** meter id → hour → kWh (import register). */
    public synchronized Map<String, Map<Instant, Double>> meterHours() {
        Map<String, Map<Instant, Double>> copy = new TreeMap<>();
        meterHours.forEach((m, h) -> copy.put(m, new TreeMap<>(h)));
        return copy;
    }

    /** building id → hour → kWh used, all carriers. */
    public synchronized Map<String, Map<Instant, Double>> buildingHours() {
        Map<String, Map<Instant, Double>> buildings = new TreeMap<>();
        meterHours.forEach((meter, hours) -> hours.forEach((hour, kwh) -> buildings
                .computeIfAbsent(buildingOf.get(meter), k -> new TreeMap<>()).merge(hour, kwh, Double::sum)));
        return buildings;
    }

    /**
     * Writes {@code meter-hours.csv}, {@code building-hours.csv} and {@code period.properties} (the hours the truth
     * speaks for) into {@code directory}.
     */
    public synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("period.properties"), "start=" + start + "\nend=" + end + "\n",
                StandardCharsets.UTF_8);
        try (Writer out = Files.newBufferedWriter(directory.resolve("meter-hours.csv"), StandardCharsets.UTF_8)) {
            out.write("meter_id,register,carrier,building_id,hour_start,energy_kwh\n");
            for (var meter : meterHours.entrySet()) {
                for (var hour : meter.getValue().entrySet()) {
                    out.write(meter.getKey() + ",import," + carrierOf.get(meter.getKey()) + ","
                            + buildingOf.get(meter.getKey()) + "," + hour.getKey() + "," + hour.getValue() + "\n");
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve("building-hours.csv"), StandardCharsets.UTF_8)) {
            out.write("building_id,hour_start,import_kwh\n");
            for (var building : buildingHours().entrySet()) {
                for (var hour : building.getValue().entrySet()) {
                    out.write(building.getKey() + "," + hour.getKey() + "," + hour.getValue() + "\n");
                }
            }
        }
    }
}
