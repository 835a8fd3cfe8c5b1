package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.engine.MeteringRules;
import org.straumflyt.processor.oracle.MeterOracle;

/**
 * For any set of readings within the horizon, sent in any order with random redeliveries, the final meter-hours
 * equal the independent batch oracle's, and two orders give bit-identical values.
 */
class OrderIndependencePropertyTest {
    private static final long T0 = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();
    private static final long SPAN_MS = 10 * 3_600_000L;
    private final MeterOracle oracle = new MeterOracle(MeteringRules.defaults().powerMaxGapMs(),
            MeteringRules.defaults().interpolationMs());

    @Property(tries = 30)
    void finalMeterHoursEqualTheOracleForAnyOrderWithDuplicates(@ForAll("wellBehavedMeter") List<Reading> readings,
            @ForAll Random random) {
        List<Reading> delivered = withDuplicatesShuffled(readings, random);

        Map<MeterHourKey, MeterHour> actual = run(delivered);
        Map<Long, MeterOracle.Expected> expected = oracle.hours(readings);

        assertThat(actual.keySet().stream().map(k -> k.hourStart().toEpochMilli()).collect(Collectors.toSet()))
                .isEqualTo(expected.keySet());
        actual.forEach((key, hour) -> {
            MeterOracle.Expected e = expected.get(key.hourStart().toEpochMilli());
            assertThat(hour.energyKwh()).as("energy of %s", key).isCloseTo(e.energyKwh(), within(1e-6));
            assertThat(hour.coverage()).as("coverage of %s", key).isCloseTo(e.coverage(), within(1e-9));
            assertThat(hour.source()).as("source of %s", key).isEqualTo(e.source());
            assertThat(hour.flags()).as("flags of %s", key).isEqualTo(e.flags());
            assertThat(hour.peakKw()).as("peak of %s", key).isEqualTo(e.peakKw());
        });
    }

    @Property(tries = 30)
    void anyTwoOrdersGiveIdenticalHoursEvenWithResetsGlitchesAndConflicts(
            @ForAll("messyRegister") List<Reading> readings, @ForAll Random random) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));

        Map<MeterHourKey, MeterHour> inOrder = withoutRevision(run(sorted));
        Map<MeterHourKey, MeterHour> shuffled = withoutRevision(run(withDuplicatesShuffled(readings, random)));

        assertThat(shuffled).isEqualTo(inOrder);
    }

    @Property(tries = 20)
    void finalBuildingHoursEqualTheSumOfTheOraclesMeterHours(@ForAll("wellBehavedMeter") List<Reading> a,
            @ForAll("wellBehavedMeter") List<Reading> b, @ForAll Random random) {
        List<Reading> readings = new ArrayList<>(a);
        b.forEach(r -> readings.add(new Reading("m2", r.register(), r.kind(), r.value(), r.timestamp(), null,
                r.carrier(), null, null)));
        Map<Long, Double> expected = new java.util.HashMap<>();
        oracle.hours(a).forEach((h, e) -> expected.merge(h, e.energyKwh(), Double::sum));
        oracle.hours(readings.subList(a.size(), readings.size())).forEach((h, e) ->
                expected.merge(h, e.energyKwh(), Double::sum));

        Map<Long, Double> actual = new java.util.HashMap<>();
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.sendAll(withDuplicatesShuffled(readings, random));
            fixture.buildingHourTable().forEach((key, hour) -> actual.put(key.hourStart().toEpochMilli(),
                    hour.importKwh()));
        }

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((h, kwh) -> assertThat(kwh).as("building energy at %s", h)
                .isCloseTo(expected.get(h), within(1e-6)));
    }

    /**
     * The registry may be read at any point among the readings (a start-up race, a meter registered while it
     * reports, moved or removed): whatever the position of its records, the final building-hours are those of the
     * final registry — the oracle's meter-hours summed per the final building of each meter.
     */
    @Property(tries = 20)
    void finalBuildingHoursFollowTheFinalRegistryWhereverItsRecordsArrive(
            @ForAll("wellBehavedMeter") List<Reading> a, @ForAll("wellBehavedMeter") List<Reading> b,
            @ForAll boolean m2FinallyRegistered, @ForAll boolean m1InitiallyRegistered, @ForAll Random random) {
        List<Reading> readings = new ArrayList<>(a);
        b.forEach(r -> readings.add(new Reading("m2", r.register(), r.kind(), r.value(), r.timestamp(), null,
                r.carrier(), null, null)));
        List<String> initialMeters = m1InitiallyRegistered ? List.of("m1", "m2") : List.of("m2");
        List<String> finalMeters = m2FinallyRegistered ? List.of("m1", "m2") : List.of("m1");
        Map<BuildingHourKey, Double> expectedKwh = new HashMap<>();
        Map<BuildingHourKey, Integer> expectedMeters = new HashMap<>();
        Map<String, List<Reading>> byMeter = Map.of("m1", a, "m2", readings.subList(a.size(), readings.size()));
        byMeter.forEach((meter, its) -> oracle.hours(its).forEach((h, e) -> {
            var key = new BuildingHourKey(finalMeters.contains(meter) ? "school" : BuildingHour.UNASSIGNED,
                    Instant.ofEpochMilli(h));
            expectedKwh.merge(key, e.energyKwh(), Double::sum);
            expectedMeters.merge(key, 1, Integer::sum);
        }));
        List<Reading> delivered = withDuplicatesShuffled(readings, random);
        int first = random.nextInt(delivered.size() + 1);
        int last = first + random.nextInt(delivered.size() + 1 - first);

        Map<BuildingHourKey, BuildingHour> actual;
        try (TopologyFixture fixture = new TopologyFixture()) {
            for (int i = 0; i <= delivered.size(); i++) {
                if (i == first) {
                    fixture.register(school(initialMeters));
                }
                if (i == last) {
                    fixture.register(school(finalMeters));
                }
                if (i < delivered.size()) {
                    fixture.send(delivered.get(i));
                }
                if (random.nextInt(8) == 0) {
                    fixture.flush();
                }
            }
            actual = fixture.buildingHourTable();
        }

        Set<BuildingHourKey> keys = new HashSet<>(actual.keySet());
        keys.addAll(expectedKwh.keySet());
        for (BuildingHourKey key : keys) {
            BuildingHour hour = actual.get(key);
            assertThat(hour == null ? 0 : hour.importKwh()).as("energy of %s", key)
                    .isCloseTo(expectedKwh.getOrDefault(key, 0.0), within(1e-6));
            assertThat(hour == null ? 0 : hour.metersReporting()).as("meters reporting in %s", key)
                    .isEqualTo(expectedMeters.getOrDefault(key, 0));
        }
    }

    /**
     * The registry entry gives limits that change how readings count (the register maximum: a drop near it is a
     * rollover, not a reset; the maximum power: a step or sample beyond it is a spike). Wherever the entry arrives
     * among a messy meter's readings (a start-up race: readings first), the final meter-hours are those computed
     * with the entry known from the start.
     */
    @Property(tries = 30)
    void finalMeterHoursUseTheRegistryLimitsWhereverTheEntryArrives(@ForAll("messyRegister") List<Reading> readings,
            @ForAll Random random) {
        Building limited = new Building("school", "school", "3201", BuildingCategory.SCHOOL, 1000, null, null, null,
                false, List.of(new MeterSpec("m1", Carrier.ELECTRICITY, List.of("import"), 2000.0, 30.0)));
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        Map<MeterHourKey, MeterHour> known;
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.register(limited);
            fixture.sendAll(sorted);
            known = withoutRevision(fixture.meterHourTable());
        }

        List<Reading> delivered = withDuplicatesShuffled(readings, random);
        int entry = random.nextInt(delivered.size() + 1);
        Map<MeterHourKey, MeterHour> late;
        try (TopologyFixture fixture = new TopologyFixture()) {
            for (int i = 0; i <= delivered.size(); i++) {
                if (i == entry) {
                    fixture.register(limited);
                }
                if (i < delivered.size()) {
                    fixture.send(delivered.get(i));
                }
                if (random.nextInt(8) == 0) {
                    fixture.flush();
                }
            }
            late = withoutRevision(fixture.meterHourTable());
        }

        assertThat(late).isEqualTo(known);
    }

    private static Building school(List<String> meters) {
        return new Building("school", "school", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                meters.stream().map(m -> MeterSpec.of(m, Carrier.ELECTRICITY)).toList());
    }

    private static Map<MeterHourKey, MeterHour> run(List<Reading> delivered) {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.sendAll(delivered);
            return Map.copyOf(fixture.meterHourTable());
        }
    }

    private static Map<MeterHourKey, MeterHour> withoutRevision(Map<MeterHourKey, MeterHour> hours) {
        return hours.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().withRevision(0)));
    }

    private static List<Reading> withDuplicatesShuffled(List<Reading> readings, Random random) {
        List<Reading> delivered = new ArrayList<>(readings);
        for (Reading r : readings) {
            if (random.nextInt(4) == 0) {
                delivered.add(r);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    @Provide
    Arbitrary<List<Reading>> wellBehavedMeter() {
        Arbitrary<List<Long>> registerTimes = Arbitraries.longs().between(0, SPAN_MS).set().ofMinSize(0).ofMaxSize(12)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<Double>> increments = Arbitraries.doubles().between(0, 20).ofScale(3).list().ofSize(12);
        Arbitrary<List<Long>> powerTimes = Arbitraries.longs().between(0, SPAN_MS / 1000).set().ofMaxSize(60)
                .map(s -> s.stream().map(x -> x * 1000).sorted().toList());
        Arbitrary<List<Double>> powers = Arbitraries.doubles().between(0, 50).ofScale(2).list().ofSize(60);
        return Combinators.combine(registerTimes, increments, powerTimes, powers).as((rt, inc, pt, pv) -> {
            List<Reading> readings = new ArrayList<>();
            double value = 1000;
            for (int i = 0; i < rt.size(); i++) {
                value += inc.get(i);
                readings.add(Reading.register("m1", "import", value, Instant.ofEpochMilli(T0 + rt.get(i)),
                        Carrier.ELECTRICITY));
            }
            for (int i = 0; i < pt.size(); i++) {
                readings.add(Reading.power("m1", "import", pv.get(i), Instant.ofEpochMilli(T0 + pt.get(i)),
                        Carrier.ELECTRICITY));
            }
            return readings;
        }).filter(list -> !list.isEmpty());
    }

    @Provide
    Arbitrary<List<Reading>> messyRegister() {
        Arbitrary<Reading> reading = Combinators.combine(
                Arbitraries.longs().between(0, 40).map(q -> q * 15 * 60_000L),
                Arbitraries.doubles().between(0, 2000).ofScale(1),
                Arbitraries.integers().between(0, 9)).as((t, v, kind) -> kind < 7
                        ? Reading.register("m1", "import", v, Instant.ofEpochMilli(T0 + t), Carrier.ELECTRICITY)
                        : Reading.power("m1", "import", v / 40, Instant.ofEpochMilli(T0 + t + 30_000L * kind),
                                Carrier.ELECTRICITY));
        return reading.list().ofMinSize(1).ofMaxSize(30);
    }
}
