package org.straumflyt.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.simulator.fleet.FaultPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    /**
     * Parses the stack's arguments ({@code --help} is left to {@link LocalStack#main}).
     *
     * @throws UsageException naming the first unusable option
     */
    static LocalStackOptions parse(String[] args) {
        return CommandLines.parse(new Line(), args).options();
    }

    /** The options as picocli fills them, with their defaults. */
    @Command(name = "LocalStack", description = "The whole pipeline on this machine with a simulated fleet "
            + "(./straumflyt run passes its options here).")
    static final class Line {
        @Option(names = "--classpath", paramLabel = "CP", required = true,
                description = "the services' classpath (./straumflyt run gives it)")
        String classpath;

        @Option(names = "--state", paramLabel = "DIR", defaultValue = ".straumflyt",
                description = "state directory, wiped at each start (default: ${DEFAULT-VALUE})")
        Path state;

        @Option(names = "--buildings", paramLabel = "N", defaultValue = "12",
                description = "simulated buildings (default: ${DEFAULT-VALUE})")
        long buildings;

        @Option(names = "--history", paramLabel = "DURATION", defaultValue = "6h", converter = HistoryOption.class,
                description = "past to backfill before going live: 6h, 90m, 2d or ISO-8601 such as PT6H "
                        + "(default: ${DEFAULT-VALUE})")
        Duration history;

        @Option(names = "--faults", paramLabel = "SPEC",
                defaultValue = "duplicates=0.01,reorder=0.01,glitches=0.001,spikes=0.001,garbage=0.001",
                description = "faults in the simulator's syntax, e.g. duplicates=0.01,reorder=0.01,glitches=0.001 "
                        + "(default: ${DEFAULT-VALUE})")
        String faults;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "fleet seed (default: ${DEFAULT-VALUE})")
        long seed;

        LocalStackOptions options() {
            if (buildings < 1 || buildings > Integer.MAX_VALUE) {
                throw new UsageException("--buildings expects a whole number of at least 1, got '" + buildings + "'");
            }
            try {
                FaultPlan.parse(faults);
            } catch (RuntimeException e) {
                throw new UsageException("--faults: " + e.getMessage(), e);
            }
            return new LocalStackOptions(state.toAbsolutePath(), classpath, (int) buildings, history, faults, seed);
        }
    }

    /** {@code --history}: {@link #duration}. */
    static final class HistoryOption implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    /**
     * A positive duration: a number with a unit ({@code 90s}, {@code 90m}, {@code 6h}, {@code 2d}) or ISO-8601
     * ({@code PT6H}, {@code P2D}).
     */
    static Duration duration(String text) {
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
                throw new CommandLine.TypeConversionException("expects a duration such as 6h, 90m, 2d or PT6H, got '"
                        + text + "'");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("must be longer than zero, got '" + text + "'");
        }
        return duration;
    }
}
