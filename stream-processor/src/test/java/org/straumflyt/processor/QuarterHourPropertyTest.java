package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.processor.engine.MeteringRules;

/**
 * For any readings — registers with resets, drops and glitches, power samples with gaps, interval values of 15 and
 * 60 minutes on and across bucket borders, duplicates, any order — every final meter-hour is exactly the sum of its
 * final quarter-hours: energy in whole µWh, covered time in whole ms, the same source, the union of their flags, the
 * highest of their peaks; and every building-hour's energy is exactly the sum of its building quarter-hours' (µWh).
 * The quarters do not depend on the order of the readings either.
 */
class QuarterHourPropertyTest {
    private static final long T0 = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();
    private static final long QUARTER = Duration.ofMinutes(15).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long SPAN_MS = 6 * HOUR;
    private static final double UWH = 1e9;

    @Property(tries = 40)
    void everyHourIsExactlyTheSumOfItsQuarters(@ForAll("mixedMeters") List<Reading> readings,
            @ForAll boolean registered, @ForAll Random random) {
        Map<MeterHourKey, MeterHour> hours;
        Map<MeterHourKey, MeterHour> quarters;
        Map<BuildingHourKey, BuildingHour> buildingHours;
        Map<BuildingHourKey, BuildingHour> buildingQuarters;
        try (TopologyFixture fixture = new TopologyFixture()) {
            if (registered) {
                fixture.register(school());
            }
            fixture.sendAll(withDuplicatesShuffled(readings, random));
            hours = fixture.meterHourTable();
            quarters = fixture.meterQuarterTable();
            buildingHours = fixture.buildingHourTable();
            buildingQuarters = fixture.buildingQuarterTable();
        }

        Map<MeterHourKey, List<MeterHour>> quartersOfHour = quarters.values().stream().collect(Collectors.groupingBy(
                q -> new MeterHourKey(q.meterId(), q.register(), hourOf(q.hourStart()))));
        assertThat(hours.keySet()).as("every quarter's hour exists").containsAll(quartersOfHour.keySet());
        hours.forEach((key, hour) -> {
            List<MeterHour> its = quartersOfHour.getOrDefault(key, List.of());
            assertThat(its.size()).as("quarters of %s", key).isLessThanOrEqualTo(4);
            assertThat(units(hour.energyKwh())).as("energy of %s in µWh", key)
                    .isEqualTo(its.stream().mapToLong(q -> units(q.energyKwh())).sum());
            assertThat(Math.round(hour.coverage() * HOUR)).as("covered ms of %s", key)
                    .isEqualTo(its.stream().mapToLong(q -> Math.round(q.coverage() * QUARTER)).sum());
            Double peak = its.stream().map(MeterHour::peakKw).filter(p -> p != null).max(Double::compare)
                    .orElse(null);
            assertThat(hour.peakKw()).as("peak of %s", key).isEqualTo(peak);
            Set<QualityFlag> union = EnumSet.noneOf(QualityFlag.class);
            its.forEach(q -> {
                assertThat(q.source()).as("source of %s", q.key()).isEqualTo(hour.source());
                assertThat(q.buildingId()).as("building of %s", q.key()).isEqualTo(hour.buildingId());
                union.addAll(q.flags());
            });
            union.remove(QualityFlag.GAP);
            Set<QualityFlag> hourFlags = EnumSet.noneOf(QualityFlag.class);
            hourFlags.addAll(hour.flags());
            assertThat(hourFlags.remove(QualityFlag.GAP)).as("GAP of %s", key).isEqualTo(hour.coverage() < 1);
            assertThat(hourFlags).as("flags of %s", key).isEqualTo(union);
        });

        Map<BuildingHourKey, List<BuildingHour>> buildingQuartersOfHour = buildingQuarters.values().stream()
                .collect(Collectors.groupingBy(q -> new BuildingHourKey(q.buildingId(), hourOf(q.hourStart()))));
        assertThat(buildingHours.keySet()).containsAll(buildingQuartersOfHour.keySet());
        buildingHours.forEach((key, hour) -> {
            List<BuildingHour> its = buildingQuartersOfHour.getOrDefault(key, List.of());
            assertThat(units(hour.importKwh())).as("import of %s in µWh", key)
                    .isEqualTo(its.stream().mapToLong(q -> units(q.importKwh())).sum());
            assertThat(units(hour.exportKwh())).as("export of %s in µWh", key)
                    .isEqualTo(its.stream().mapToLong(q -> units(q.exportKwh())).sum());
        });
    }

    @Property(tries = 20)
    void quartersDoNotDependOnTheOrderOfTheReadings(@ForAll("mixedMeters") List<Reading> readings,
            @ForAll Random random) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));

        assertThat(quarters(withDuplicatesShuffled(readings, random))).isEqualTo(quarters(sorted));
    }

    private static Map<MeterHourKey, MeterHour> quarters(List<Reading> delivered) {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.sendAll(delivered);
            Map<MeterHourKey, MeterHour> table = new HashMap<>();
            fixture.meterQuarterTable().forEach((k, v) -> table.put(k, v.withRevision(0)));
            return table;
        }
    }

    private static long units(double kwh) {
        return Math.round(kwh * UWH);
    }

    private static Instant hourOf(Instant quarterStart) {
        return Instant.ofEpochMilli(Math.floorDiv(quarterStart.toEpochMilli(), HOUR) * HOUR);
    }

    private static Building school() {
        return new Building("school", "school", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false,
                List.of(MeterSpec.of("m1", Carrier.ELECTRICITY), MeterSpec.of("m2", Carrier.ELECTRICITY)));
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

    /**
     * Two meters, each with import and export registers, readings of every kind mixed in one series: register
     * values anywhere (rising, or dropping: resets, rollovers, glitches), power samples (near each other or across
     * gaps), and interval values of 15 or 60 minutes, aligned to their bucket or shifted across its borders.
     */
    @Provide
    Arbitrary<List<Reading>> mixedMeters() {
        Arbitrary<String> meter = Arbitraries.of("m1", "m2");
        Arbitrary<String> register = Arbitraries.of("import", "import", "import", "export");
        Arbitrary<Long> anyTime = Arbitraries.longs().between(0, SPAN_MS);
        Arbitrary<Long> nearBorder = Arbitraries.longs().between(0, SPAN_MS / QUARTER)
                .flatMap(q -> Arbitraries.longs().between(-90_000, 90_000).map(d -> Math.max(0, q * QUARTER + d)));
        Arbitrary<Long> time = Arbitraries.oneOf(anyTime, nearBorder);
        Arbitrary<Reading> registerReading = Combinators.combine(meter, register, time,
                Arbitraries.doubles().between(0, 400).ofScale(3)).as((m, r, t, v) ->
                        Reading.register(m, r, v, Instant.ofEpochMilli(T0 + t), Carrier.ELECTRICITY));
        Arbitrary<Reading> power = Combinators.combine(meter, register, time,
                Arbitraries.doubles().between(0, 80).ofScale(2)).as((m, r, t, v) ->
                        Reading.power(m, r, v, Instant.ofEpochMilli(T0 + t), Carrier.ELECTRICITY));
        Arbitrary<Long> intervalStart = Arbitraries.oneOf(
                Arbitraries.longs().between(0, SPAN_MS / QUARTER).map(q -> q * QUARTER),
                Arbitraries.longs().between(0, SPAN_MS / HOUR).map(h -> h * HOUR),
                anyTime);
        Arbitrary<Reading> interval = Combinators.combine(meter, register, intervalStart,
                Arbitraries.of(QUARTER, HOUR), Arbitraries.doubles().between(0, 30).ofScale(3))
                .as((m, r, start, length, kwh) -> Reading.interval(m, r, kwh, Instant.ofEpochMilli(T0 + start),
                        Instant.ofEpochMilli(T0 + start + length), Carrier.ELECTRICITY));
        Arbitrary<List<Reading>> powerRun = Combinators.combine(meter, anyTime,
                Arbitraries.doubles().between(0, 60).ofScale(1).list().ofMinSize(2).ofMaxSize(30),
                Arbitraries.of(10_000L, 60_000L, 170_000L, 400_000L)).as((m, start, values, step) -> {
                    List<Reading> run = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        run.add(Reading.power(m, "import", values.get(i),
                                Instant.ofEpochMilli(T0 + start + i * step), Carrier.ELECTRICITY));
                    }
                    return run;
                });
        Arbitrary<List<Reading>> singles = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, registerReading), net.jqwik.api.Tuple.of(2, power),
                net.jqwik.api.Tuple.of(3, interval)).list().ofMinSize(1).ofMaxSize(40);
        return Combinators.combine(singles, powerRun.list().ofMaxSize(2)).as((s, runs) -> {
            List<Reading> all = new ArrayList<>(s);
            runs.forEach(all::addAll);
            return all;
        });
    }
}
