package org.straumflyt.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Topics;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.SimBuilding;

/**
 * The warm-up rounds' loads: round {@code r} is a fleet of its own municipality (3299, 3298, ...) with its own seed,
 * the measured load's formats and first hours (at most {@link #MAX_HOURS}). A round's load is generated when it is
 * needed and dropped after it, so that a long warm-up does not hold every round's messages; the fleets (for the
 * registry) and the ground truth (on disk) are known up front.
 */
final class WarmUpLoads {
    /**
     * The first round's municipality; the next rounds count down. Other ids, so the verifier of the measured load
     * never sees their rows.
     */
    private static final int FIRST_MUNICIPALITY = 3299;
    /** Simulated hours of a round at most: enough for every code path, and light on the benchmark's heap. */
    private static final int MAX_HOURS = 12;

    private final List<SimulationOptions> rounds = new ArrayList<>();

    /** No rounds when {@code options} ask for no warm-up buildings. */
    WarmUpLoads(BenchOptions options, SimulationOptions measured, Path truthRoot) {
        for (int round = 0; options.warmUpBuildings() > 0 && round < options.warmUpRounds(); round++) {
            rounds.add(new SimulationOptions(options.seed() + 1 + round, options.warmUpBuildings(),
                    Integer.toString(FIRST_MUNICIPALITY - round), options.formats(), measured.start(),
                    Duration.ofHours(Math.min(options.hours(), MAX_HOURS)), new Pacing.Max(), FaultPlan.NONE,
                    measured.mqttUri(), null, Topics.DEFAULT_PREFIX, truthRoot.resolve("round-" + round)));
        }
    }

    /** At most this many rounds. */
    int rounds() {
        return rounds.size();
    }

    /** What round {@code round} simulates: its municipality and where its ground truth is. */
    SimulationOptions options(int round) {
        return rounds.get(round);
    }

    /** Generates round {@code round}'s load (and writes its ground truth). */
    Load load(int round) throws java.io.IOException {
        return Load.generate(rounds.get(round));
    }

    /** The buildings of every round, for the registry. */
    List<SimBuilding> fleets() {
        List<SimBuilding> fleets = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        rounds.forEach(o -> fleets.addAll(new Simulation(o, quiet).fleet()));
        return fleets;
    }
}
