package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.MeterTrees;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;

/**
 * The simulated fleet has buildings with a main electricity meter and three sub-meters behind it, whose trees the
 * registry accepts; the main meter measures what its sub-meters measure and more; the ground truth of a building's
 * total is its main meters only, and its end uses sum to that total.
 */
class MeterTreeTruthTest {
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private static Simulation simulation(List<PayloadFormat> formats) {
        SimulationOptions options = new SimulationOptions(7, 7, "1507", formats, START, Duration.ofHours(6),
                new Pacing.Max(), FaultPlan.NONE, "tcp://127.0.0.1:1", null, "t.", null);
        return new Simulation(options, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void theFleetHasValidTreesAndTheirTruthAddsUp() {
        for (List<PayloadFormat> formats : List.of(List.of(PayloadFormat.AMS), List.of(PayloadFormat.SHELLY),
                List.of(PayloadFormat.values()))) {
            Simulation simulation = simulation(formats);
            List<SimBuilding> withTrees = simulation.fleet().stream().filter(b -> MeterTrees.hasTree(b.building()))
                    .toList();
            assertThat(withTrees).as("the first and the seventh building").hasSize(2);
            simulation.fleet().forEach(b -> assertThat(MeterTrees.problems(b.building())).isEmpty());
            simulation.schedule().forEachRemaining(o -> { });

            Map<String, Map<Instant, Double>> meters = simulation.truth().meterHours();
            Map<String, Map<Instant, Double>> buildings = simulation.truth().buildingHours();
            var endUses = simulation.truth().endUseHours();
            for (SimBuilding sim : withTrees) {
                Building building = sim.building();
                List<MeterSpec> mains = building.meters().stream().filter(m -> m.meterRole() == MeterRole.MAIN)
                        .toList();
                List<MeterSpec> subs = building.meters().stream().filter(m -> m.meterRole() == MeterRole.SUB)
                        .toList();
                assertThat(subs).hasSize(3);
                for (Instant hour : buildings.get(building.buildingId()).keySet()) {
                    double main = mains.stream().mapToDouble(m -> meters.get(m.meterId()).get(hour)).sum();
                    double sub = subs.stream().mapToDouble(m -> meters.get(m.meterId()).get(hour)).sum();
                    assertThat(buildings.get(building.buildingId()).get(hour)).as("the total is the main meters")
                            .isCloseTo(main, within(1e-9));
                    String el = subs.get(0).parentMeterId();
                    double electricityMain = meters.get(el).get(hour);
                    assertThat(electricityMain).as("the main meter measures its sub-meters and more")
                            .isGreaterThan(sub);
                    Map<String, Double> uses = endUses.get(building.buildingId()).get(hour);
                    assertThat(uses).containsOnlyKeys("fans", "ev_charging", "technical_equipment", "other");
                    assertThat(uses.values().stream().mapToDouble(Double::doubleValue).sum())
                            .as("the end uses sum to the electricity main meter").isCloseTo(electricityMain,
                                    within(1e-9));
                    assertThat(uses.get("other")).isCloseTo(electricityMain - sub, within(1e-9));
                }
            }
        }
    }
}
