package org.straumflyt.e2e.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.simulator.fleet.PayloadFormat;

/**
 * The benchmark's command line.
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
 */
record BenchOptions(int buildings, int hours, List<PayloadFormat> formats, List<LatencySettings> settings,
        int partitions, long seed, Duration probeInterval, Duration probePoll, Duration warmUp, double rate,
        int warmUpBuildings, int warmUpRounds) {

    static final String USAGE = """
            usage: PipelineBenchmark [--buildings N] [--hours H] [--formats LIST] [--settings LIST] [--partitions P]
                                     [--seed S] [--probe-interval-ms MS] [--probe-poll-ms MS] [--warm-up-s S]
                                     [--rate R] [--warm-up-buildings N] [--warm-up-rounds N]
              --buildings          buildings in the simulated fleet (default 100)
              --hours              simulated hours (default 48: about 960,000 readings, a minute or more per phase,
                                   so that the rate is sustained rather than a burst)
              --formats            canonical,ams,tasmota,senml,shelly (default canonical,ams,tasmota,senml, the
                                   formats of every measurement so far, so that runs stay comparable)
              --settings           default,low-latency,ms:<commit>/<emit>/<linger> (default: default,low-latency;
                                   one pipeline phase each; ms: the processor's commit and meter emit intervals
                                   and the publisher's batch linger, in ms, e.g. ms:250/250/250)
              --partitions         partitions of every topic (default 6, the services' default)
              --seed               simulator seed (default 42)
              --probe-interval-ms  time between latency probes (default 500)
              --probe-poll-ms      time between the probe's store queries (default 20)
              --warm-up-s          probes of the first S seconds are reported apart (default 30)
              --rate               publish the pipeline phases at R readings/s, to measure latency at a load the
                                   pipeline sustains (default 0: as fast as the broker takes it; the ceiling
                                   always runs at full speed)
              --warm-up-buildings  before each phase's measured load, rounds of the load of N buildings of another
                                   municipality each (at most 12 simulated hours) go through the freshly started
                                   processes unmeasured, until their JIT compilers spend less than 10 % of a round
                                   compiling, so that they are measured warm (default 40; 0 for none)
              --warm-up-rounds     at most this many warm-up rounds (default 20)
            """;

    static BenchOptions parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        Set<String> known = Set.of("buildings", "hours", "formats", "settings", "partitions", "seed",
                "probe-interval-ms", "probe-poll-ms", "warm-up-s", "rate", "warm-up-buildings",
                "warm-up-rounds");
        o.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unknown option --" + k);
        });
        return new BenchOptions(Integer.parseInt(o.getOrDefault("buildings", "100")),
                Integer.parseInt(o.getOrDefault("hours", "48")),
                Arrays.stream(o.getOrDefault("formats", "canonical,ams,tasmota,senml").split(","))
                        .map(PayloadFormat::parse).toList(),
                Arrays.stream(o.getOrDefault("settings", "default,low-latency").split(","))
                        .map(LatencySettings::parse).toList(),
                Integer.parseInt(o.getOrDefault("partitions", "6")),
                Long.parseLong(o.getOrDefault("seed", "42")),
                Duration.ofMillis(Long.parseLong(o.getOrDefault("probe-interval-ms", "500"))),
                Duration.ofMillis(Long.parseLong(o.getOrDefault("probe-poll-ms", "20"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up-s", "30"))),
                Double.parseDouble(o.getOrDefault("rate", "0")),
                Integer.parseInt(o.getOrDefault("warm-up-buildings", "40")),
                Integer.parseInt(o.getOrDefault("warm-up-rounds", "20")));
    }
}
