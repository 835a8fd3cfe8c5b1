package org.straumflyt.bench;

import java.time.Duration;
import java.util.List;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.simulator.fleet.PayloadFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line ({@code ./straumflyt bench --help} lists it).
 *
 * @param buildings      buildings in the simulated fleet
 * @param hours          simulated hours of readings
 * @param formats        the electricity meters' payload formats, round-robin over buildings
 * @param settings       the latency settings to run the pipeline with, one phase each
 * @param partitions     partitions of every topic (the services' topic.partitions)
 * @param seed           the simulator's seed
 * @param probeInterval  time between latency probes
 * @param probePoll      time between the probe's store queries
 * @param warmUp         probes published within this time from the first publish are left out of the
 *                       "after warm-up" latency figures (they are in the "all probes" ones)
 * @param rate           the pipeline phases' publishing pace, readings/s; 0 = as fast as the broker takes it (the
 *                       ceiling always runs at full speed)
 * @param warmUpBuildings buildings of each warm-up round's municipality (0: no warm-up)
 * @param warmUpRounds   at most this many warm-up rounds before each phase; they stop once the JIT compilers have
 *                       settled ({@link JitWarmUp})
 * @param processors     stream-processor instance counts, one pipeline phase per latency setting and count (one
 *                       application id; with more than one, a standby replica of every store, as deployed)
 */
record BenchOptions(int buildings, int hours, List<PayloadFormat> formats, List<LatencySettings> settings,
        int partitions, long seed, Duration probeInterval, Duration probePoll, Duration warmUp, double rate,
        int warmUpBuildings, int warmUpRounds, List<Integer> processors) {
    BenchOptions {
        processors = List.copyOf(processors);
        for (int count : processors) {
            if (count < 1 || count > partitions) {
                throw new IllegalArgumentException("--processors: " + count + " instances; each count must be "
                        + "between 1 and the partitions (" + partitions + "): more instances than partitions idle");
            }
        }
    }

    /** Parses the benchmark's arguments; {@code --help} is left to {@link PipelineBenchmark#main}. */
    static BenchOptions parse(String[] args) {
        return CommandLines.parse(new Line(), args).options();
    }

    /** The options as picocli fills them, with their defaults. */
    @Command(name = "PipelineBenchmark", description = "The end-to-end benchmark: one simulated fleet through the "
            + "bare infrastructure (the ceiling), then through the whole pipeline once per latency setting.")
    static final class Line {
        @Option(names = "--buildings", paramLabel = "N", defaultValue = "100",
                description = "buildings in the simulated fleet (default: ${DEFAULT-VALUE})")
        int buildings;

        @Option(names = "--hours", paramLabel = "H", defaultValue = "48",
                description = "simulated hours (default: ${DEFAULT-VALUE}: about 960,000 readings, a minute or more "
                        + "per phase, so that the rate is sustained rather than a burst)")
        int hours;

        @Option(names = "--formats", paramLabel = "FORMAT", defaultValue = "canonical,ams,tasmota,senml", split = ",",
                converter = FormatConverter.class,
                description = "canonical,ams,tasmota,senml,shelly (default: ${DEFAULT-VALUE}, the formats of every "
                        + "measurement so far, so that runs stay comparable)")
        List<PayloadFormat> formats;

        @Option(names = "--settings", paramLabel = "SETTING", defaultValue = "default,low-latency", split = ",",
                converter = SettingsConverter.class,
                description = "default, low-latency or ms:<commit>/<emit>/<linger>, one pipeline phase each (default: "
                        + "${DEFAULT-VALUE}; ms: the processor's commit and meter emit intervals and the publisher's "
                        + "batch linger, in ms, e.g. ms:250/250/250)")
        List<LatencySettings> settings;

        @Option(names = "--partitions", paramLabel = "P", defaultValue = "6",
                description = "partitions of every topic (default: ${DEFAULT-VALUE}, the services' default)")
        int partitions;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "simulator seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--probe-interval-ms", paramLabel = "MS", defaultValue = "500",
                description = "time between latency probes (default: ${DEFAULT-VALUE})")
        long probeIntervalMs;

        @Option(names = "--probe-poll-ms", paramLabel = "MS", defaultValue = "20",
                description = "time between the probe's store queries (default: ${DEFAULT-VALUE})")
        long probePollMs;

        @Option(names = "--warm-up-s", paramLabel = "S", defaultValue = "30",
                description = "probes of the first S seconds are reported apart (default: ${DEFAULT-VALUE})")
        long warmUpSeconds;

        @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
                description = "publish the pipeline phases at R readings/s, to measure latency at a load the pipeline "
                        + "sustains (default: ${DEFAULT-VALUE}: as fast as the broker takes it; the ceiling always "
                        + "runs at full speed)")
        double rate;

        @Option(names = "--warm-up-buildings", paramLabel = "N", defaultValue = "40",
                description = "before each phase's measured load, rounds of the load of N buildings of another "
                        + "municipality each (at most 12 simulated hours) go through the freshly started processes "
                        + "unmeasured, until their JIT compilers spend less than 10 %% of a round compiling, so that "
                        + "they are measured warm (default: ${DEFAULT-VALUE}; 0 for none)")
        int warmUpBuildings;

        @Option(names = "--warm-up-rounds", paramLabel = "N", defaultValue = "20",
                description = "at most this many warm-up rounds (default: ${DEFAULT-VALUE})")
        int warmUpRounds;

        @Option(names = "--processors", paramLabel = "N", defaultValue = "1", split = ",",
                description = "stream-processor instances, e.g. 1,2,3: one pipeline phase per latency setting and "
                        + "count, reporting throughput and CPU per reading for each count. The instances share one "
                        + "application id and, when more than one, keep a standby replica of every store (as "
                        + "deployed); every instance runs on this machine, so with more instances than cores "
                        + "the figures show the cost of coordination and standbys, not added capacity "
                        + "(default: ${DEFAULT-VALUE})")
        List<Integer> processors;

        BenchOptions options() {
            return new BenchOptions(buildings, hours, formats, settings, partitions, seed,
                    Duration.ofMillis(probeIntervalMs), Duration.ofMillis(probePollMs),
                    Duration.ofSeconds(warmUpSeconds), rate, warmUpBuildings, warmUpRounds, processors);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<PayloadFormat> {
        @Override
        public PayloadFormat convert(String value) {
            return PayloadFormat.parse(value);
        }
    }

    static final class SettingsConverter implements CommandLine.ITypeConverter<LatencySettings> {
        @Override
        public LatencySettings convert(String value) {
            return LatencySettings.parse(value);
        }
    }
}
