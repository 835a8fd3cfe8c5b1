package org.straumflyt.simulator.truth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;

/**
 * The exact energy the simulated meters' registers recorded, by meter-hour and building-hour: every step between
 * two register readings of a meter, split at UTC hour borders in proportion to time (the meter's power is constant
 * within a step, so this is the true split).
 *
 * <p>The same by quarter-hour ({@code [t, t + 15 min)}, aligned to the epoch): the energy between two consecutive
 * register readings, split at quarter borders in proportion to time ({@link #addReadingInterval}). That is all the
 * readings tell: for a meter that reads every step it is the true split; for a meter that reads once an hour on the
 * hour (AMS) the hour's energy is shared by its quarters in proportion to time. An hour's truth is the sum of its
 * four quarters' (both book the same energy of the same readings).
 */
public final class GroundTruth {
    private static final long QUARTER_MS = 15 * 60 * 1000L;

    private final Instant end;

    private final Instant start;

    /** Ground truth for the hours of {@code [start, end)}; later hours are partly covered and left out. */
    public GroundTruth(Instant start, Instant end) {
        this.start = start;
        this.end = end;
    }

    /** meter id → hour → kWh. */
    private final Map<String, Map<Instant, Double>> meterHours = new TreeMap<>();
    /** meter id → quarter-hour → kWh. */
    private final Map<String, Map<Instant, Double>> meterQuarters = new TreeMap<>();
    private final Map<String, String> buildingOf = new TreeMap<>();
    private final Map<String, String> carrierOf = new TreeMap<>();
    /** meter id → hour → {kWh, seconds its register steps cover}, for the hours before the end. */
    private final Map<String, Map<Instant, double[]>> booked = new TreeMap<>();

    /** Sub-meter id → {parent meter id, end use}: counted in end uses, never in building totals. */
    private final Map<String, String[]> subMeters = new TreeMap<>();
    /** Main meter id with sub-meters → the end use of its rest (its virtual meter's, else other). */
    private final Map<String, String> restUse = new TreeMap<>();
    /**
     * Every main meter of a building with sub-meters, of every carrier: the unmetered rest of such a building is each
     * main meter's energy less its direct sub-meters', and a main meter without sub-meters (district heating beside
     * a sub-metered electricity meter) is unmetered as a whole, as the processor's breakdown has it.
     */
    private final java.util.Set<String> treeMains = new java.util.TreeSet<>();

    /**
     * Learns the fleet's meter trees: a building's total is its main meters' energy (as the registry's trees say,
     * the way the simulated main meters measure their sub-meters' energy too); each sub-meter's energy is its end
     * use, and a main meter's rest (main − its sub-meters) the end use of its virtual meter.
     */
    public synchronized void trees(List<SimBuilding> fleet) {
        for (SimBuilding sim : fleet) {
            boolean tree = sim.building().meters().stream().anyMatch(m -> m.meterRole() == MeterRole.SUB);
            for (MeterSpec m : sim.building().meters()) {
                if (m.meterRole() == MeterRole.SUB) {
                    subMeters.put(m.meterId(), new String[] {m.parentMeterId(),
                        (m.endUse() == null ? EndUse.OTHER : m.endUse()).wireName()});
                    restUse.putIfAbsent(m.parentMeterId(), EndUse.OTHER.wireName());
                } else if (m.meterRole() == MeterRole.VIRTUAL && m.endUse() != null) {
                    restUse.put(m.parentMeterId(), m.endUse().wireName());
                } else if (tree && m.meterRole() != MeterRole.VIRTUAL) {
                    treeMains.add(m.meterId());
                }
            }
        }
    }

    /** Books {@code energyWh} consumed evenly over {@code [stepStart, stepStart + stepSeconds)}. */
    public synchronized void addStep(SimMeter meter, Instant stepStart, int stepSeconds, long energyWh) {
        buildingOf.put(meter.meterId(), meter.buildingId());
        carrierOf.put(meter.meterId(), meter.carrier().wireName());
        Map<Instant, Double> hours = meterHours.computeIfAbsent(meter.meterId(), k -> new TreeMap<>());
        Map<Instant, double[]> all = booked.computeIfAbsent(meter.meterId(), k -> new TreeMap<>());
        Instant stepEnd = stepStart.plusSeconds(stepSeconds);
        Instant from = stepStart;
        while (from.isBefore(stepEnd)) {
            Instant hour = from.truncatedTo(ChronoUnit.HOURS);
            Instant to = hour.plus(1, ChronoUnit.HOURS).isBefore(stepEnd) ? hour.plus(1, ChronoUnit.HOURS) : stepEnd;
            double share = (double) (to.toEpochMilli() - from.toEpochMilli()) / (stepSeconds * 1000L);
            if (hour.isBefore(end)) {
                hours.merge(hour, energyWh / 1000.0 * share, Double::sum);
                double[] hourBooked = all.computeIfAbsent(hour, k -> new double[2]);
                hourBooked[0] += energyWh / 1000.0 * share;
                hourBooked[1] += (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
            }
            from = to;
        }
    }

    /**
     * Books {@code energyWh} between two consecutive register readings of the meter, at {@code from} and {@code to},
     * into quarter-hours in proportion to time.
     */
    public synchronized void addReadingInterval(SimMeter meter, Instant from, Instant to, long energyWh) {
        buildingOf.put(meter.meterId(), meter.buildingId());
        carrierOf.put(meter.meterId(), meter.carrier().wireName());
        Map<Instant, Double> quarters = meterQuarters.computeIfAbsent(meter.meterId(), k -> new TreeMap<>());
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        for (long t = fromMs; t < toMs; ) {
            long quarter = Math.floorDiv(t, QUARTER_MS) * QUARTER_MS;
            long next = Math.min(toMs, quarter + QUARTER_MS);
            if (quarter < end.toEpochMilli()) {
                quarters.merge(Instant.ofEpochMilli(quarter), energyWh / 1000.0 * (next - t) / (toMs - fromMs),
                        Double::sum);
            }
            t = next;
        }
    }

    /** meter id → quarter-hour start → kWh (import register). */
    public synchronized Map<String, Map<Instant, Double>> meterQuarters() {
        Map<String, Map<Instant, Double>> copy = new TreeMap<>();
        meterQuarters.forEach((m, q) -> copy.put(m, new TreeMap<>(q)));
        return copy;
    }

    /** building id → quarter-hour start → kWh used, all carriers. */
    public synchronized Map<String, Map<Instant, Double>> buildingQuarters() {
        return byBuilding(meterQuarters);
    }

    /** meter id → hour → kWh (import register). */
    public synchronized Map<String, Map<Instant, Double>> meterHours() {
        Map<String, Map<Instant, Double>> copy = new TreeMap<>();
        meterHours.forEach((m, h) -> copy.put(m, new TreeMap<>(h)));
        return copy;
    }

    /**
     * One meter's booked energy and measured time in one UTC hour.
     *
     * @param kwh      energy of the register steps within the hour
     * @param coverage the part of the hour those steps cover, 0..1
     */
    public record BookedHour(String meterId, Instant hour, double kwh, double coverage) {
    }

    /**
     * Every meter-hour of the truth with the part of it the meter's register steps cover: below 1 in the hour of a
     * meter's first reading, unless that reading is on the hour. (Left out, as from {@link #meterHours}: the hour
     * after the end, which the pipeline can only estimate until a register reading settles it.)
     */
    public synchronized java.util.List<BookedHour> bookedHours() {
        java.util.List<BookedHour> all = new java.util.ArrayList<>();
        booked.forEach((meter, hours) -> hours.forEach((hour, b) -> all.add(new BookedHour(meter, hour, b[0],
                b[1] / 3600.0))));
        return all;
    }

    /** building id → hour → kWh used, all carriers. */
    public synchronized Map<String, Map<Instant, Double>> buildingHours() {
        return byBuilding(meterHours);
    }

    private Map<String, Map<Instant, Double>> byBuilding(Map<String, Map<Instant, Double>> byMeter) {
        Map<String, Map<Instant, Double>> buildings = new TreeMap<>();
        byMeter.forEach((meter, buckets) -> {
            if (!subMeters.containsKey(meter)) {
                buckets.forEach((bucket, kwh) -> buildings.computeIfAbsent(buildingOf.get(meter),
                        k -> new TreeMap<>()).merge(bucket, kwh, Double::sum));
            }
        });
        return buildings;
    }

    /**
     * building id → hour → the main meters' rest (main − Σ its sub-meters), kWh, all carriers, for the buildings with
     * sub-meters.
     */
    public synchronized Map<String, Map<Instant, Double>> unmeteredHours() {
        Map<String, Map<Instant, Double>> out = new TreeMap<>();
        treeMains.forEach(main -> meterHours.getOrDefault(main, Map.of()).forEach((hour, kwh) -> out
                .computeIfAbsent(buildingOf.get(main), k -> new TreeMap<>()).merge(hour, kwh, Double::sum)));
        subMeters.forEach((sub, parentAndUse) -> meterHours.getOrDefault(sub, Map.of()).forEach((hour, kwh) -> out
                .computeIfAbsent(buildingOf.get(sub), k -> new TreeMap<>()).merge(hour, -kwh, Double::sum)));
        return out;
    }

    /**
     * building id → hour → end use → kWh, for the buildings with sub-meters: each sub-meter's energy under its end
     * use, and each main meter's rest (main − Σ its sub-meters) under the end use of its virtual meter.
     */
    public synchronized Map<String, Map<Instant, Map<String, Double>>> endUseHours() {
        Map<String, Map<Instant, Map<String, Double>>> out = new TreeMap<>();
        restUse.forEach((main, use) -> meterHours.getOrDefault(main, Map.of()).forEach((hour, kwh) -> out
                .computeIfAbsent(buildingOf.get(main), k -> new TreeMap<>()).computeIfAbsent(hour, k -> new TreeMap<>())
                .merge(use, kwh, Double::sum)));
        subMeters.forEach((sub, parentAndUse) -> meterHours.getOrDefault(sub, Map.of()).forEach((hour, kwh) -> {
            Map<String, Double> uses = out.computeIfAbsent(buildingOf.get(sub), k -> new TreeMap<>())
                    .computeIfAbsent(hour, k -> new TreeMap<>());
            uses.merge(parentAndUse[1], kwh, Double::sum);
            uses.merge(restUse.get(parentAndUse[0]), -kwh, Double::sum);
        }));
        return out;
    }

    /**
     * Writes {@code meter-hours.csv}, {@code building-hours.csv} (main meters only), {@code meter-quarters.csv},
     * {@code building-quarters.csv} (main meters only), {@code building-rests.csv}, {@code end-uses.csv} and
     * {@code period.properties} (the hours the truth speaks for) into {@code directory}.
     */
    public synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("period.properties"), "start=" + start + "\nend=" + end + "\n",
                StandardCharsets.UTF_8);
        writeMeters(directory.resolve("meter-hours.csv"), "hour_start", meterHours);
        writeBuildings(directory.resolve("building-hours.csv"), "hour_start", buildingHours());
        writeMeters(directory.resolve("meter-quarters.csv"), "quarter_start", meterQuarters);
        writeBuildings(directory.resolve("building-quarters.csv"), "quarter_start", buildingQuarters());
        writeTrees(directory);
    }

    /** The buildings with sub-meters: {@code building-rests.csv} and {@code end-uses.csv}, per hour. */
    private void writeTrees(Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve("building-rests.csv"), StandardCharsets.UTF_8)) {
            out.write("building_id,hour_start,unmetered_kwh\n");
            for (var building : unmeteredHours().entrySet()) {
                for (var hour : building.getValue().entrySet()) {
                    out.write(building.getKey() + "," + hour.getKey() + "," + hour.getValue() + "\n");
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve("end-uses.csv"), StandardCharsets.UTF_8)) {
            out.write("building_id,hour_start,end_use,energy_kwh\n");
            for (var building : endUseHours().entrySet()) {
                for (var hour : building.getValue().entrySet()) {
                    for (var use : hour.getValue().entrySet()) {
                        out.write(building.getKey() + "," + hour.getKey() + "," + use.getKey() + "," + use.getValue()
                                + "\n");
                    }
                }
            }
        }
    }

    private void writeMeters(Path file, String bucketColumn, Map<String, Map<Instant, Double>> byMeter)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("meter_id,register,carrier,building_id," + bucketColumn + ",energy_kwh\n");
            for (var meter : byMeter.entrySet()) {
                for (var bucket : meter.getValue().entrySet()) {
                    out.write(meter.getKey() + ",import," + carrierOf.get(meter.getKey()) + ","
                            + buildingOf.get(meter.getKey()) + "," + bucket.getKey() + "," + bucket.getValue() + "\n");
                }
            }
        }
    }

    private static void writeBuildings(Path file, String bucketColumn, Map<String, Map<Instant, Double>> byBuilding)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("building_id," + bucketColumn + ",import_kwh\n");
            for (var building : byBuilding.entrySet()) {
                for (var bucket : building.getValue().entrySet()) {
                    out.write(building.getKey() + "," + bucket.getKey() + "," + bucket.getValue() + "\n");
                }
            }
        }
    }
}
