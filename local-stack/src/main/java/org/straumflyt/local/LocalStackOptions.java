package org.straumflyt.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.straumflyt.simulator.fleet.FaultPlan;

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
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    static final String USAGE = """
            usage: LocalStack --classpath CP [--state DIR] [--buildings N] [--history DURATION] [--faults SPEC] [--seed N]
              --state DIR          state directory (default .straumflyt)
              --buildings N        simulated buildings (default 12)
              --history DURATION   past to backfill before going live: 6h, 90m, 2d or ISO-8601 such as PT6H (default 6h)
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
                classpath, (int) number("buildings", o.getOrDefault("buildings", "12"), 1),
                duration("history", o.getOrDefault("history", "6h")),
                o.getOrDefault("faults", "duplicates=0.01,reorder=0.01,glitches=0.001,spikes=0.001,garbage=0.001"),
                number("seed", o.getOrDefault("seed", "42"), Long.MIN_VALUE));
        try {
            FaultPlan.parse(options.faults());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--faults: " + e.getMessage());
        }
        o.keySet().removeAll(java.util.Set.of("state", "buildings", "history", "faults", "seed"));
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + o.keySet());
        }
        return options;
    }

    /**
     * A positive duration: a number with a unit ({@code 90s}, {@code 90m}, {@code 6h}, {@code 2d}) or ISO-8601
     * ({@code PT6H}, {@code P2D}).
     */
    static Duration duration(String option, String text) {
        Matcher compact = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        Duration duration;
        if (compact.matches()) {
            long amount = Long.parseLong(compact.group(1));
            duration = switch (compact.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--" + option + " expects a duration such as 6h, 90m, 2d or PT6H, "
                        + "got '" + text + "'");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--" + option + " must be longer than zero, got '" + text + "'");
        }
        return duration;
    }

    private static long number(String option, String text, long minimum) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " expects a whole number"
                + (minimum > 0 ? " of at least " + minimum : "") + ", got '" + text + "'");
    }
}
