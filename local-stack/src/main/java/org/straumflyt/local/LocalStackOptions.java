package org.straumflyt.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options of the local stack.
 *
 * @param stateDir  where servers keep their data and logs (wiped at each start)
 * @param classpath the services' classpath
 * @param buildings buildings in the simulated fleet
 * @param history   how much of the past the fleet backfills before going live
 * @param faults    faults to inject, in the simulator's syntax
 * @param seed      the fleet's seed
 */
record LocalStackOptions(Path stateDir, String classpath, int buildings, Duration history, String faults, long seed) {
    static final String USAGE = """
            usage: LocalStack --classpath CP [--state DIR] [--buildings N] [--history DURATION] [--faults SPEC] [--seed N]
              --state DIR          state directory (default .straumflyt)
              --buildings N        simulated buildings (default 12)
              --history DURATION   past to backfill before going live, whole hours (default PT6H)
              --faults SPEC        e.g. duplicates=0.01,reorder=0.01,glitches=0.001 (default a little of each)
              --seed N             fleet seed (default 42)""";

    static LocalStackOptions parse(String[] args) {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        String classpath = o.remove("classpath");
        if (classpath == null) {
            throw new IllegalArgumentException("--classpath is required");
        }
        LocalStackOptions options = new LocalStackOptions(Path.of(o.getOrDefault("state", ".straumflyt")).toAbsolutePath(),
                classpath, Integer.parseInt(o.getOrDefault("buildings", "12")),
                Duration.parse(o.getOrDefault("history", "PT6H")),
                o.getOrDefault("faults", "duplicates=0.01,reorder=0.01,glitches=0.001,spikes=0.001,garbage=0.001"),
                Long.parseLong(o.getOrDefault("seed", "42")));
        o.keySet().removeAll(java.util.Set.of("state", "buildings", "history", "faults", "seed"));
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + o.keySet());
        }
        return options;
    }
}
