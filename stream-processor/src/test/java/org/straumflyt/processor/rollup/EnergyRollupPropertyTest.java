package org.straumflyt.processor.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;

/**
 * The rollup of parts does not depend on their order, rolling up groups of parts and then the groups gives the rollup
 * of all parts at once, and retracting a part undoes adding it: exactly for whole-number amounts (the building-hour's
 * µWh), up to rounding for kWh fractions (days, months, periods), where exact equality is not meant to hold.
 */
class EnergyRollupPropertyTest {

    /** One part: its energy by carrier, its totals (the carriers' sums), its coverage and its flags. */
    record Part(Map<Carrier, CarrierEnergy> carriers, double imported, double exported, double coverage,
            Set<QualityFlag> flags) {
        EnergyRollup addTo(EnergyRollup rollup) {
            return rollup.plus(carriers, imported, exported, coverage, flags);
        }

        EnergyRollup retractFrom(EnergyRollup rollup) {
            return rollup.minus(carriers, imported, exported, coverage, flags);
        }
    }

    private static EnergyRollup rollUp(List<Part> parts) {
        EnergyRollup rollup = EnergyRollup.EMPTY;
        for (Part part : parts) {
            rollup = part.addTo(rollup);
        }
        return rollup;
    }

    @Property(tries = 500)
    void wholeNumberRollupDoesNotDependOnOrder(@ForAll("wholeParts") List<Part> parts, @ForAll long seed) {
        List<Part> shuffled = new ArrayList<>(parts);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(rollUp(shuffled)).isEqualTo(rollUp(parts));
    }

    @Property(tries = 500)
    void rollingUpGroupsThenTheGroupsEqualsRollingUpEverything(@ForAll("wholeParts") List<Part> parts,
            @ForAll long seed) {
        Random random = new Random(seed);
        EnergyRollup ofGroups = EnergyRollup.EMPTY;
        int from = 0;
        while (from < parts.size()) {
            int to = from + 1 + random.nextInt(parts.size() - from);
            ofGroups = ofGroups.plus(rollUp(parts.subList(from, to)));
            from = to;
        }

        assertThat(ofGroups).isEqualTo(rollUp(parts));
    }

    @Property(tries = 500)
    void retractingAPartUndoesAddingIt(@ForAll("wholeParts") List<Part> parts, @ForAll long seed) {
        if (parts.isEmpty()) {
            return;
        }
        int retracted = new Random(seed).nextInt(parts.size());
        List<Part> others = new ArrayList<>(parts);
        Part part = others.remove(retracted);

        EnergyRollup withoutPart = part.retractFrom(rollUp(parts));

        assertThat(withoutPart.withoutEmptyCarriers()).isEqualTo(rollUp(others).withoutEmptyCarriers());
    }

    @Property(tries = 500)
    void wholeNumberTotalsAreTheCarriersSums(@ForAll("wholeParts") List<Part> parts) {
        EnergyRollup rollup = rollUp(parts);

        assertThat(EnergyRollup.ofCarriers(rollup.carriers(), rollup.coverage(), rollup.parts(), rollup.flags()))
                .isEqualTo(rollup);
    }

    @Property(tries = 500)
    void kwhRollupDoesNotDependOnOrderUpToRounding(@ForAll("kwhParts") List<Part> parts, @ForAll long seed) {
        List<Part> shuffled = new ArrayList<>(parts);
        Collections.shuffle(shuffled, new Random(seed));

        EnergyRollup inOrder = rollUp(parts);
        EnergyRollup reordered = rollUp(shuffled);

        assertThat(reordered.parts()).isEqualTo(inOrder.parts());
        assertThat(reordered.flags()).isEqualTo(inOrder.flags());
        assertThat(reordered.carriers().keySet()).isEqualTo(inOrder.carriers().keySet());
        assertThat(reordered.imported()).isCloseTo(inOrder.imported(), within(1e-6));
        assertThat(reordered.exported()).isCloseTo(inOrder.exported(), within(1e-6));
        assertThat(reordered.coverage()).isCloseTo(inOrder.coverage(), within(1e-9));
        inOrder.carriers().forEach((carrier, energy) -> {
            assertThat(reordered.carriers().get(carrier).importKwh()).isCloseTo(energy.importKwh(), within(1e-6));
            assertThat(reordered.carriers().get(carrier).exportKwh()).isCloseTo(energy.exportKwh(), within(1e-6));
        });
    }

    @Test
    void twoHoursMakeADay() {
        Part night = new Part(Map.of(Carrier.ELECTRICITY, new CarrierEnergy(2.5, 0, null)), 2.5, 0, 1,
                Set.of(QualityFlag.ESTIMATED));
        Part morning = new Part(Map.of(Carrier.ELECTRICITY, new CarrierEnergy(4, 1, null),
                Carrier.DISTRICT_HEATING, new CarrierEnergy(10, 0, null)), 14, 1, 0.5,
                Set.of(QualityFlag.ESTIMATED, QualityFlag.GAP));

        EnergyRollup day = rollUp(List.of(night, morning));

        assertThat(day.carriers()).containsExactly(
                Map.entry(Carrier.ELECTRICITY, new CarrierEnergy(6.5, 1, null)),
                Map.entry(Carrier.DISTRICT_HEATING, new CarrierEnergy(10, 0, null)));
        assertThat(day.imported()).isEqualTo(16.5);
        assertThat(day.exported()).isEqualTo(1);
        assertThat(day.coverage()).isEqualTo(1.5);
        assertThat(day.parts()).isEqualTo(2);
        assertThat(day.flags()).containsExactly(Map.entry(QualityFlag.ESTIMATED, 2), Map.entry(QualityFlag.GAP, 1));
        assertThat(day.flagSet()).containsExactly(QualityFlag.ESTIMATED, QualityFlag.GAP);
        // the morning retracted: its flag goes, the carrier it alone named stays listed at zero until left out
        EnergyRollup nightOnly = morning.retractFrom(day);
        assertThat(nightOnly.flagSet()).containsExactly(QualityFlag.ESTIMATED);
        assertThat(nightOnly.carriers()).containsKey(Carrier.DISTRICT_HEATING);
        assertThat(nightOnly.withoutEmptyCarriers()).isEqualTo(rollUp(List.of(night)));
    }

    @Provide
    Arbitrary<List<Part>> wholeParts() {
        // whole µWh, as the building-hour adds them: up to 1 GWh a part, either sign (interval energy may be negative)
        return parts(Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L).map(v -> (double) v),
                Arbitraries.longs().between(0, 1_000_000_000L).map(v -> (double) v));
    }

    @Provide
    Arbitrary<List<Part>> kwhParts() {
        return parts(Arbitraries.doubles().between(-1_000, 1_000_000).ofScale(6),
                Arbitraries.doubles().between(0, 1).ofScale(9));
    }

    private static Arbitrary<List<Part>> parts(Arbitrary<Double> amounts, Arbitrary<Double> coverages) {
        Arbitrary<Map<Carrier, CarrierEnergy>> carriers = Arbitraries.maps(
                Arbitraries.of(Carrier.ELECTRICITY, Carrier.DISTRICT_HEATING, Carrier.GAS),
                Combinators.combine(amounts, amounts).as((i, e) -> new CarrierEnergy(i, e, null)))
                .ofMinSize(1).ofMaxSize(2);
        Arbitrary<Part> part = Combinators.combine(carriers, coverages, Arbitraries.subsetOf(QualityFlag.values()))
                .as((byCarrier, coverage, flags) -> {
                    double imported = 0;
                    double exported = 0;
                    for (CarrierEnergy e : new EnumMap<>(byCarrier).values()) {
                        imported += e.importKwh();
                        exported += e.exportKwh();
                    }
                    return new Part(byCarrier, imported, exported, coverage, flags);
                });
        return part.list().ofMaxSize(12);
    }
}
