package org.straumflyt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warm-up in rounds until the JIT compilers of the measured JVMs have settled. A service JVM compiles for minutes
 * under load (measured in session 7: the stream processor's compilers were busy about one second per second for its
 * first 100–130 s, well past a single warm-up load), and a run measured meanwhile shares the two cores with the
 * compilers, which a service that has been running for a while does not. Each round sends a load that the services
 * have not seen (another municipality's fleet) and waits until it has passed; the warm-up ends after the first
 * round in which every JVM spent less than {@link #SETTLED} of the round's time compiling, or after the last round
 * given. The time comes from each JVM's {@code jvm_compilation_time_ms_total} (Micrometer's JvmCompilationMetrics,
 * bound by every service).
 */
final class JitWarmUp {
    /** Compiling time per round time below which a JVM counts as warm. */
    static final double SETTLED = 0.10;
    private static final String COMPILATION = "jvm_compilation_time_ms_total";

    /** What a round does: sends its load and waits until it has passed; returns its readings. */
    @FunctionalInterface
    interface Round {
        long run(Load load) throws Exception;
    }

    /**
     * What the warm-up did.
     *
     * @param rounds   rounds run
     * @param readings readings sent in all
     * @param settled  whether the last round met {@link #SETTLED} for every JVM
     */
    record Outcome(int rounds, long readings, boolean settled) {
    }

    private JitWarmUp() {
    }

    /**
     * Runs rounds of {@code loads}, in order, until the JVMs of {@code jvms} (name → its /metrics) settle. A round's
     * load is generated before its time starts.
     */
    static Outcome run(String what, WarmUpLoads loads, Map<String, Metrics> jvms, Round round, PrintStream progress)
            throws Exception {
        if (loads.rounds() == 0) {
            return new Outcome(0, 0, false);
        }
        long readings = 0;
        int rounds = 0;
        boolean settled = false;
        for (int i = 0; i < loads.rounds() && !settled; i++) {
            Load load = loads.load(i);
            Map<String, Double> before = compilingSeconds(jvms);
            long start = System.nanoTime();
            readings += round.run(load);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> after = compilingSeconds(jvms);
            rounds++;
            settled = true;
            Map<String, String> shares = new LinkedHashMap<>();
            for (String jvm : jvms.keySet()) {
                double compiling = after.get(jvm) - before.get(jvm);
                settled &= compiling < SETTLED * seconds;
                shares.put(jvm, String.format("%.1f s", compiling));
            }
            progress.printf("%s warm-up round %d (not measured): %,d readings in %.1f s; JIT compiling meanwhile: %s%n",
                    what, rounds, load.readings(), seconds, shares.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (!settled) {
            progress.printf("%s warm-up: the JIT compilers had not settled after %d rounds%n", what, rounds);
        }
        return new Outcome(rounds, readings, settled);
    }

    /** Seconds each JVM has spent compiling since it started. */
    static Map<String, Double> compilingSeconds(Map<String, Metrics> jvms) throws IOException, InterruptedException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, Metrics> jvm : jvms.entrySet()) {
            seconds.put(jvm.getKey(), jvm.getValue().sum(COMPILATION) / 1e3);
        }
        return seconds;
    }
}
