package org.straumflyt.processor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.engine.MeteringRules;

/**
 * CPU per reading of the whole KPI topology in one thread (TopologyTestDriver: serdes, stores and every stage, no
 * broker), quarter-hours on against off, alternating, over the same AMS-like fleet: power every 10 s and the
 * register every hour, the pending meter-hours flushed every 5,000 readings. Not a test: run by hand with
 * {@code mvn -pl stream-processor -am verify -Dtest=QuarterHourCpuBenchmark -Dbench.quarters.cpu=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.meters}, {@code -Dbench.hours}, {@code -Dbench.rounds}).
 * Without Kafka's own costs, which are the same either way but for the extra records, the ratio is an upper bound
 * of what the processor pays per reading.
 */
@EnabledIfSystemProperty(named = "bench.quarters.cpu", matches = "true")
class QuarterHourCpuBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(QuarterHourCpuBenchmark.class);
    private static final long T0 = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();

    @Test
    void quarterHoursOnAgainstOff() {
        int meters = Integer.getInteger("bench.meters", 60);
        int hours = Integer.getInteger("bench.hours", 4);
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Reading> readings = fleet(meters, hours);
        run(readings, meters, true);
        run(readings, meters, false);
        double[] on = new double[rounds];
        double[] off = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            off[r] = run(readings, meters, false);
            on[r] = run(readings, meters, true);
            LOG.info("round {}: {} readings, off {} µs CPU/reading, on {} µs CPU/reading, on/off {}", r,
                    readings.size(), String.format("%.2f", off[r]), String.format("%.2f", on[r]),
                    String.format("%.3f", on[r] / off[r]));
        }
        double bestOn = java.util.Arrays.stream(on).min().orElseThrow();
        double bestOff = java.util.Arrays.stream(off).min().orElseThrow();
        LOG.info("best of {}: off {} µs, on {} µs CPU per reading: on/off {}", rounds,
                String.format("%.2f", bestOff), String.format("%.2f", bestOn), String.format("%.3f", bestOn / bestOff));
    }

    /** CPU µs per reading of this thread over the readings. */
    private static double run(List<Reading> readings, int meters, boolean quarters) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (TopologyFixture fixture = new TopologyFixture(MeteringRules.defaults(), quarters)) {
            for (int b = 0; b < meters / 20; b++) {
                List<MeterSpec> specs = new ArrayList<>();
                for (int m = b * 20; m < b * 20 + 20; m++) {
                    specs.add(MeterSpec.of("m" + m, Carrier.ELECTRICITY));
                }
                fixture.register(new Building("b" + b, "b" + b, "3201", BuildingCategory.SCHOOL, 1000, null, null,
                        null, false, specs));
            }
            long start = threads.getCurrentThreadCpuTime();
            int n = 0;
            for (Reading r : readings) {
                fixture.send(r);
                if (++n % 5_000 == 0) {
                    fixture.flush();
                }
            }
            fixture.flush();
            return (threads.getCurrentThreadCpuTime() - start) / 1e3 / readings.size();
        }
    }

    private static List<Reading> fleet(int meters, int hours) {
        Random random = new Random(7);
        List<Reading> readings = new ArrayList<>();
        double[] register = new double[meters];
        for (long t = 0; t < hours * 3_600_000L; t += 10_000) {
            for (int m = 0; m < meters; m++) {
                double kw = 5 + 20 * random.nextDouble();
                register[m] += kw * 10 / 3600.0;
                Instant at = Instant.ofEpochMilli(T0 + t + m * 7L);
                readings.add(Reading.power("m" + m, "import", kw, at, Carrier.ELECTRICITY));
                if (t % 3_600_000L == 0) {
                    readings.add(Reading.register("m" + m, "import", 1000 + register[m], at, Carrier.ELECTRICITY));
                }
            }
        }
        return readings;
    }
}
