package org.straumflyt.processor.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.EndUseBreakdown;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.MeterTrees;

/**
 * For any meter tree and any meter energies, fed in any order and with revisions: the building-hour's total of each
 * carrier is the sum of its main meters (an oracle that reads the generated tree directly), the main meters equal
 * the sub-meters directly behind them plus the unmetered rest, and the end uses sum to the total, in every hour.
 */
class MeterTreePropertyTest {
    private static final Instant HOUR = Instant.parse("2026-11-23T06:00:00Z");
    private static final Carrier[] CARRIERS = {Carrier.ELECTRICITY, Carrier.DISTRICT_HEATING};

    /** A generated building: its meters, in an order where every parent comes before its children. */
    private static Building tree(Random random) {
        List<MeterSpec> meters = new ArrayList<>();
        for (Carrier carrier : CARRIERS) {
            int mains = random.nextInt(3); // 0: the total comes from parentless sub-meters
            List<MeterSpec> ofCarrier = new ArrayList<>();
            for (int i = 0; i < mains; i++) {
                ofCarrier.add(MeterSpec.of(carrier + "-main-" + i, carrier).inTree(
                        random.nextBoolean() ? MeterRole.MAIN : null, null, random.nextBoolean() ? null : endUse(random)));
            }
            int subs = random.nextInt(6);
            for (int i = 0; i < subs; i++) {
                MeterSpec parent = ofCarrier.isEmpty() || (mains == 0 && random.nextInt(3) == 0) ? null
                        : ofCarrier.get(random.nextInt(ofCarrier.size()));
                ofCarrier.add(MeterSpec.of(carrier + "-sub-" + i, carrier).inTree(MeterRole.SUB,
                        parent == null ? null : parent.meterId(), random.nextBoolean() ? null : endUse(random)));
            }
            if (!ofCarrier.isEmpty() && random.nextBoolean()) {
                MeterSpec parent = ofCarrier.get(random.nextInt(ofCarrier.size()));
                ofCarrier.add(MeterSpec.of(carrier + "-rest", carrier).inTree(MeterRole.VIRTUAL, parent.meterId(),
                        endUse(random)));
            }
            meters.addAll(ofCarrier);
        }
        Collections.shuffle(meters, random);
        return new Building("b", "b", "3201", BuildingCategory.SCHOOL, 1000, null, null, null, false, meters);
    }

    private static EndUse endUse(Random random) {
        return EndUse.values()[random.nextInt(EndUse.values().length)];
    }

    private static MeterHour hour(MeterSpec meter, Instant start, double kwh) {
        return new MeterHour(meter.meterId(), "import", meter.carrier(), "b", start, kwh, null, 1,
                EnergySource.REGISTER, Set.of(), 1);
    }

    @Property(tries = 300)
    void theTotalIsTheMainMetersAndEachMainIsItsSubMetersPlusTheRest(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int hours) {
        Random random = new Random(seed);
        Building building = tree(random);
        assertThat(MeterTrees.problems(building)).as("the generator makes valid trees").isEmpty();
        for (int h = 0; h < hours; h++) {
            Instant start = HOUR.plusSeconds(3600L * h);
            Map<String, Double> energy = new java.util.HashMap<>();
            List<Runnable> firsts = new ArrayList<>();
            List<Runnable> revisions = new ArrayList<>();
            BuildingHourAggregate[] agg = {BuildingHourAggregate.empty()};
            for (MeterSpec m : building.meters()) {
                if (m.meterRole() == MeterRole.VIRTUAL || random.nextInt(8) == 0) {
                    continue; // a virtual meter never reports; now and then a meter is silent
                }
                double kwh = random.nextInt(200_000) / 1000.0;
                energy.put(m.meterId(), kwh);
                MeterHour first = hour(m, start, random.nextInt(200_000) / 1000.0);
                if (random.nextBoolean()) {
                    // a revision: the first value is retracted, the corrected one added (as the grouped table does)
                    firsts.add(() -> agg[0] = agg[0].add("b", first));
                    revisions.add(() -> agg[0] = agg[0].retract("b", first).add("b", hour(m, start, kwh)));
                } else {
                    firsts.add(() -> agg[0] = agg[0].add("b", hour(m, start, kwh)));
                }
            }
            if (firsts.isEmpty()) {
                continue; // no meter reported: there is no building-hour
            }
            // the meters come in any order, and their revisions after them, in any order
            Collections.shuffle(firsts, random);
            Collections.shuffle(revisions, random);
            firsts.forEach(Runnable::run);
            revisions.forEach(Runnable::run);
            BuildingHour result = BuildingHours.of(agg[0], building);
            checkAgainstOracle(building, energy, result);
        }
    }

    private static void checkAgainstOracle(Building building, Map<String, Double> energy, BuildingHour result) {
        for (Carrier carrier : CARRIERS) {
            List<MeterSpec> ofCarrier = building.meters().stream().filter(m -> m.carrier() == carrier).toList();
            List<MeterSpec> mains = ofCarrier.stream().filter(m -> m.role() == null || m.role() == MeterRole.MAIN)
                    .toList();
            List<MeterSpec> tops = mains.isEmpty() ? ofCarrier.stream()
                    .filter(m -> m.role() == MeterRole.SUB && m.parentMeterId() == null).toList() : mains;
            double expected = tops.stream().mapToDouble(m -> energy.getOrDefault(m.meterId(), 0.0)).sum();
            if (tops.isEmpty()) {
                assertThat(result.carriers()).doesNotContainKey(carrier);
                continue;
            }
            if (tops.stream().noneMatch(m -> energy.containsKey(m.meterId()))) {
                // none of the meters the total comes from reported in this hour (seed 24: the only electricity main
                // meter was silent): the carrier has no total, so the record has none, or 0
                CarrierEnergy none = result.carriers().get(carrier);
                assertThat(none == null ? 0.0 : none.importKwh()).as("%s total", carrier).isCloseTo(0.0, within(1e-6));
                continue;
            }
            assertThat(result.carriers().get(carrier).importKwh()).as("%s total", carrier)
                    .isCloseTo(expected, within(1e-6));
            if (!MeterTrees.hasTree(building)) {
                assertThat(result.breakdown()).as("only main meters: the record is as before trees").isNull();
                continue;
            }
            EndUseBreakdown breakdown = result.breakdown().get(carrier);
            assertThat(breakdown.endUses().values().stream().mapToDouble(Double::doubleValue).sum())
                    .as("%s end uses sum to the total", carrier).isCloseTo(expected, within(1e-6));
            if (mains.isEmpty()) {
                assertThat(breakdown.fromSubMeters()).isTrue();
                assertThat(breakdown.unmeteredKwh()).isNull();
                continue;
            }
            double directSubs = 0;
            for (MeterSpec main : mains) {
                directSubs += ofCarrier.stream().filter(m -> main.meterId().equals(m.parentMeterId())
                        && m.role() == MeterRole.SUB).mapToDouble(m -> energy.getOrDefault(m.meterId(), 0.0)).sum();
            }
            assertThat(breakdown.fromSubMeters()).isFalse();
            assertThat(expected).as("%s: main = direct subs + rest", carrier)
                    .isCloseTo(directSubs + breakdown.unmeteredKwh(), within(1e-6));
        }
        double all = result.carriers().values().stream().mapToDouble(c -> c.importKwh()).sum();
        assertThat(result.importKwh()).isCloseTo(all, within(1e-9));
    }
}
