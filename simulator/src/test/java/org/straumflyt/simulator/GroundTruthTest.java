package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.publish.Outgoing;
import org.straumflyt.simulator.publish.Schedule;

/**
 * The ground truth must equal what an independent reader of the published registers computes: straight lines
 * between consecutive readings split at hour borders, with a drop read as a rollover (near the register maximum) or
 * a replaced meter (nothing booked across it), and the lone extra readings (glitches, spikes) left out.
 */
class GroundTruthTest {
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void truthEqualsTheRegisterLinesOfThePublishedMessagesEvenWithEveryReadingFault() {
        FaultPlan faults = FaultPlan.parse("duplicates=0.05,reorder=0.05,late=0.01,late.delay=PT1H,resets=0.01,"
                + "rollovers=0.5,glitches=0.02,spikes=0.02,gaps=0.01,garbage=0.01");
        Simulation simulation = simulation(8, List.of(PayloadFormat.CANONICAL), faults, Duration.ofHours(12));

        Map<String, List<double[]>> readings = registerReadings(simulation.schedule());
        Map<String, Map<Instant, Double>> oracle = oracle(simulation, readings);

        Map<String, Map<Instant, Double>> truth = simulation.truth().meterHours();
        assertThat(truth.keySet()).isEqualTo(oracle.keySet());
        truth.forEach((meter, hours) -> {
            assertThat(hours.keySet()).as(meter).isEqualTo(oracle.get(meter).keySet());
            hours.forEach((hour, kwh) -> assertThat(kwh).as("%s %s", meter, hour)
                    .isCloseTo(oracle.get(meter).get(hour), within(1e-9)));
        });
        assertThat(simulation.faults()).containsKeys("reset", "glitch", "spike", "duplicate", "reordered", "garbage");
    }

    @Test
    void everyHourOfTheRunIsCoveredForEveryMeter() {
        Simulation simulation = simulation(5, List.of(PayloadFormat.values()), FaultPlan.NONE, Duration.ofHours(4));
        simulation.schedule().forEachRemaining(o -> { });

        simulation.truth().meterHours().forEach((meter, hours) -> assertThat(hours.keySet()).as(meter)
                .containsExactly(START, START.plusSeconds(3600), START.plusSeconds(7200), START.plusSeconds(10800)));
    }

    @Test
    void quarterTruthEqualsTheRegisterLinesSplitAtQuarterBordersEvenWithEveryReadingFault() {
        FaultPlan faults = FaultPlan.parse("duplicates=0.05,reorder=0.05,late=0.01,late.delay=PT1H,resets=0.01,"
                + "rollovers=0.5,glitches=0.02,spikes=0.02,gaps=0.01,garbage=0.01");
        Simulation simulation = simulation(8, List.of(PayloadFormat.CANONICAL), faults, Duration.ofHours(12));

        Map<String, Map<Instant, Double>> oracle = oracle(simulation, registerReadings(simulation.schedule()), 900);

        Map<String, Map<Instant, Double>> truth = simulation.truth().meterQuarters();
        assertThat(truth.keySet()).isEqualTo(oracle.keySet());
        truth.forEach((meter, quarters) -> {
            assertThat(quarters).as(meter).hasSize(12 * 4);
            assertThat(quarters.keySet()).as(meter).isEqualTo(oracle.get(meter).keySet());
            quarters.forEach((quarter, kwh) -> assertThat(kwh).as("%s %s", meter, quarter)
                    .isCloseTo(oracle.get(meter).get(quarter), within(1e-9)));
        });
    }

    @Test
    void everyHoursTruthIsTheSumOfItsFourQuartersForEveryFormat() {
        Simulation simulation = simulation(10, List.of(PayloadFormat.values()), FaultPlan.parse("all=0.01"),
                Duration.ofHours(6));
        simulation.schedule().forEachRemaining(o -> { });

        Map<String, Map<Instant, Double>> hours = simulation.truth().meterHours();
        Map<String, Map<Instant, Double>> quarters = simulation.truth().meterQuarters();
        assertThat(quarters.keySet()).isEqualTo(hours.keySet());
        hours.forEach((meter, byHour) -> {
            assertThat(quarters.get(meter)).as(meter).hasSize(byHour.size() * 4);
            byHour.forEach((hour, kwh) -> {
                double sum = 0;
                for (int q = 0; q < 4; q++) {
                    Double quarter = quarters.get(meter).get(hour.plusSeconds(900L * q));
                    assertThat(quarter).as("%s %s quarter %d", meter, hour, q).isNotNull();
                    sum += quarter;
                }
                assertThat(sum).as("%s %s", meter, hour).isCloseTo(kwh, within(1e-9));
            });
        });
        simulation.truth().buildingHours().forEach((building, byHour) -> byHour.forEach((hour, kwh) -> {
            Map<Instant, Double> q = simulation.truth().buildingQuarters().get(building);
            double sum = q.get(hour) + q.get(hour.plusSeconds(900)) + q.get(hour.plusSeconds(1800))
                    + q.get(hour.plusSeconds(2700));
            assertThat(sum).as("%s %s", building, hour).isCloseTo(kwh, within(1e-9));
        }));
    }

    @Test
    void anHourlyRegisterSharesItsHourEquallyAmongTheQuartersWhileAFrequentOneShowsTheLoad() {
        Simulation simulation = simulation(2, List.of(PayloadFormat.AMS, PayloadFormat.SHELLY), FaultPlan.NONE,
                Duration.ofHours(3));
        simulation.schedule().forEachRemaining(o -> { });
        Map<String, Map<Instant, Double>> quarters = simulation.truth().meterQuarters();

        // The AMS reader's register reads once an hour: its readings say nothing finer than the hour's energy.
        Map<Instant, Double> ams = quarters.get("el-1507-b001");
        Map<Instant, Double> amsHours = simulation.truth().meterHours().get("el-1507-b001");
        amsHours.forEach((hour, kwh) -> {
            for (int q = 0; q < 4; q++) {
                assertThat(ams.get(hour.plusSeconds(900L * q))).isCloseTo(kwh / 4, within(1e-9));
            }
        });
        // The Shelly reads every minute; its quarters differ with the noisy load.
        assertThat(new TreeSet<>(quarters.get("el-1507-b002").values())).hasSizeGreaterThan(1);
    }

    @Test
    void intervalMetersSendMixedQuarterAndHourValuesWhoseOverlapsAreTheTruth() {
        // Given a fleet whose canonical electricity meters all send interval energy, with duplicates, reordering and
        // late messages
        SimulationOptions options = new SimulationOptions(7, 6, "1507", List.of(PayloadFormat.CANONICAL), START,
                Duration.ofHours(6), new Pacing.Max(), FaultPlan.parse("duplicates=0.05,reorder=0.05,late=0.02,"
                        + "late.delay=PT1H"), "tcp://127.0.0.1:1", null, "t.", null, Map.of(), null, 1.0);
        Simulation simulation = new Simulation(options, new PrintStream(new ByteArrayOutputStream()));

        // When its messages are read: interval values per meter, by start, a repeated one once
        Map<String, TreeMap<Long, long[]>> intervals = new TreeMap<>();
        simulation.schedule().forEachRemaining(o -> {
            JsonNode array;
            try {
                array = Json.mapper().readTree(o.message().payload());
            } catch (java.io.IOException e) {
                return;
            }
            for (JsonNode r : array) {
                if (r.path("kind").asText().equals("INTERVAL_ENERGY")) {
                    long from = Instant.parse(r.get("intervalStart").asText()).getEpochSecond();
                    long to = Instant.parse(r.get("timestamp").asText()).getEpochSecond();
                    long wh = Math.round(r.get("value").asDouble() * 1000);
                    long[] earlier = intervals.computeIfAbsent(r.get("meterId").asText(), k -> new TreeMap<>())
                            .put(from, new long[] {to, wh});
                    assertThat(earlier == null || earlier[0] == to && earlier[1] == wh).as("a repeat differs").isTrue();
                }
            }
        });

        // Then every electricity meter sends them, quarter-hours in even UTC hours and whole hours in odd ones,
        // back to back over the run, and their overlaps with each quarter and hour are the truth
        assertThat(intervals.keySet()).hasSize(6).allMatch(m -> m.startsWith("el-"));
        intervals.forEach((meter, byStart) -> {
            long expectedStart = START.getEpochSecond();
            for (var e : byStart.entrySet()) {
                assertThat(e.getKey()).as(meter).isEqualTo(expectedStart);
                long length = e.getValue()[0] - e.getKey();
                assertThat(length).as("%s %s", meter, e.getKey())
                        .isEqualTo(Math.floorMod(Math.floorDiv(e.getKey(), 3600), 2) == 0 ? 900 : 3600);
                expectedStart = e.getValue()[0];
            }
            assertThat(expectedStart).isEqualTo(START.plus(Duration.ofHours(6)).getEpochSecond());
            for (long bucket : new long[] {900, 3600}) {
                Map<Instant, Double> oracle = new TreeMap<>();
                byStart.forEach((from, v) -> spread(oracle, from, v[0], v[1] / 1000.0, START.plus(Duration.ofHours(6)),
                        bucket));
                Map<Instant, Double> truth = bucket == 900 ? simulation.truth().meterQuarters().get(meter)
                        : simulation.truth().meterHours().get(meter);
                assertThat(truth.keySet()).as(meter).isEqualTo(oracle.keySet());
                truth.forEach((b, kwh) -> assertThat(kwh).as("%s %s", meter, b).isCloseTo(oracle.get(b),
                        within(1e-9)));
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameMessages() {
        FaultPlan faults = FaultPlan.parse("all=0.01");
        List<String> first = messages(simulation(3, List.of(PayloadFormat.values()), faults, Duration.ofHours(2)));
        List<String> second = messages(simulation(3, List.of(PayloadFormat.values()), faults, Duration.ofHours(2)));

        assertThat(first).hasSizeGreaterThan(500).isEqualTo(second);
    }

    @Test
    void messagesAreSentInTimeOrderWithLateOnesAfterTheirTime() {
        Schedule schedule = simulation(3, List.of(PayloadFormat.CANONICAL), FaultPlan.parse("late=0.05,late.delay=PT1H"),
                Duration.ofHours(3)).schedule();
        Instant previous = Instant.MIN;
        while (schedule.hasNext()) {
            Outgoing next = schedule.next();
            assertThat(next.sendAt()).isAfterOrEqualTo(previous);
            previous = next.sendAt();
        }
    }

    private static Simulation simulation(int buildings, List<PayloadFormat> formats, FaultPlan faults, Duration length) {
        SimulationOptions options = new SimulationOptions(7, buildings, "1507", formats, START, length, new Pacing.Max(), faults,
                "tcp://127.0.0.1:1", null, "t.", null);
        return new Simulation(options, new PrintStream(new ByteArrayOutputStream()));
    }

    private static List<String> messages(Simulation simulation) {
        List<String> all = new ArrayList<>();
        simulation.schedule().forEachRemaining(o -> all.add(o.sendAt() + " " + o.message().topic() + " "
                + new String(o.message().payload(), java.nio.charset.StandardCharsets.UTF_8)));
        return all;
    }

    /** meter id → [epoch second, register kWh] as published, garbage skipped. */
    private static Map<String, List<double[]>> registerReadings(Schedule schedule) {
        Map<String, List<double[]>> readings = new HashMap<>();
        schedule.forEachRemaining(o -> {
            JsonNode array;
            try {
                array = Json.mapper().readTree(o.message().payload());
            } catch (java.io.IOException e) {
                return;
            }
            for (JsonNode r : array) {
                if (r.path("kind").asText().equals("ENERGY_REGISTER")) {
                    readings.computeIfAbsent(r.get("meterId").asText(), k -> new ArrayList<>()).add(new double[] {
                        Instant.parse(r.get("timestamp").asText()).getEpochSecond(), r.get("value").asDouble()});
                }
            }
        });
        return readings;
    }

    private static Map<String, Map<Instant, Double>> oracle(Simulation simulation, Map<String, List<double[]>> readings) {
        return oracle(simulation, readings, 3600);
    }

    /** The oracle's buckets of {@code bucketSeconds}, aligned to the epoch. */
    private static Map<String, Map<Instant, Double>> oracle(Simulation simulation, Map<String, List<double[]>> readings,
            long bucketSeconds) {
        Map<String, SimMeter> meters = new HashMap<>();
        simulation.fleet().forEach(b -> b.meters().forEach(m -> meters.put(m.meterId(), m)));
        Instant end = START.plus(Duration.ofHours(12));
        Map<String, Map<Instant, Double>> result = new TreeMap<>();
        readings.forEach((meterId, list) -> {
            SimMeter meter = meters.get(meterId);
            TreeMap<Long, Double> byTime = new TreeMap<>();
            for (double[] r : list) {
                long t = (long) r[0];
                // Lone extra readings sit between the meter's step grid points.
                if (Math.floorMod(t - meter.phaseSeconds(), meter.stepSeconds()) == 0) {
                    byTime.put(t, r[1]);
                }
            }
            Map<Instant, Double> hours = new TreeMap<>();
            Long previous = null;
            for (long t : new TreeSet<>(byTime.keySet())) {
                if (previous != null) {
                    double delta = byTime.get(t) - byTime.get(previous);
                    if (delta < 0) {
                        double max = meter.registerMaxWh() / 1000.0;
                        // A rollover near the maximum continues; any other drop is a replaced meter, across which
                        // the energy is unknown and nothing is booked.
                        delta = max > 0 && byTime.get(previous) > 0.9 * max ? max - byTime.get(previous) + byTime.get(t)
                                : 0;
                    }
                    spread(hours, previous, t, delta, end, bucketSeconds);
                }
                previous = t;
            }
            result.put(meterId, hours);
        });
        return result;
    }

    private static void spread(Map<Instant, Double> hours, long from, long to, double kwh, Instant end,
            long bucketSeconds) {
        for (long s = from; s < to; ) {
            Instant hour = Instant.ofEpochSecond(Math.floorDiv(s, bucketSeconds) * bucketSeconds);
            long next = Math.min(to, hour.getEpochSecond() + bucketSeconds);
            if (hour.isBefore(end)) {
                hours.merge(hour, kwh * (next - s) / (to - from), Double::sum);
            }
            s = next;
        }
    }
}
