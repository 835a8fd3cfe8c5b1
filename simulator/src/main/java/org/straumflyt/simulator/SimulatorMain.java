package org.straumflyt.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.verify.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The simulator's command line: {@code publish} a fleet, or {@code verify} a store against a run's ground truth. */
@Command(name = "simulator",
        description = "A reproducible meter fleet over MQTT, with its ground truth, and a verifier of the store.")
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; returns the exit code (2: the command line cannot be run). */
    static int run(String[] args) {
        return CommandLines.of(new SimulatorMain(), new Publish(), new Verify()).execute(args);
    }

    /**
     * The options of {@code publish}.
     *
     * @throws UsageException naming the first unusable option
     */
    static SimulationOptions publishOptions(String... args) {
        return CommandLines.parse(new Publish(), args).options();
    }

    @Command(name = "publish",
            description = "simulate a fleet and publish it over MQTT (and its registry to Kafka)")
    static final class Publish implements Callable<Integer> {
        @Option(names = "--mqtt", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:1883",
                description = "MQTT broker (default: ${DEFAULT-VALUE})")
        String mqtt;

        @Option(names = "--kafka", paramLabel = "HOST:PORT",
                description = "Kafka, for the building registry and weather (default: none, skip them)")
        String kafka;

        @Option(names = "--topic-prefix", paramLabel = "P", defaultValue = Topics.DEFAULT_PREFIX,
                description = "Kafka topic prefix (default: ${DEFAULT-VALUE})")
        String topicPrefix;

        @Option(names = "--buildings", paramLabel = "N", defaultValue = "10",
                description = "buildings in the fleet (default: ${DEFAULT-VALUE})")
        int buildings;

        @Option(names = "--municipality", paramLabel = "NO", defaultValue = "3201",
                description = "municipality number, also building id prefix (default: ${DEFAULT-VALUE})")
        String municipality;

        @Option(names = "--formats", paramLabel = "FORMAT", split = ",", defaultValue = "canonical,ams,shelly,tasmota,senml",
                converter = FormatOption.class, description = "electricity meters' formats, round-robin: "
                        + "canonical,ams,shelly,tasmota,senml (default: all five)")
        List<PayloadFormat> formats;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "reproducible fleet, load and faults (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--start", paramLabel = "INSTANT", converter = InstantOption.class,
                description = "simulated start, ISO-8601 UTC on a whole hour (default: 6 hours before now, on the hour)")
        Instant start;

        @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT6H",
                description = "simulated length, ISO-8601, whole hours (default: ${DEFAULT-VALUE})")
        Duration duration;

        @Option(names = "--speed", paramLabel = "S", defaultValue = "max", converter = SpeedOption.class,
                description = "simulated seconds per second: 1 = real time, 60 = a minute per second; max = as fast "
                        + "as possible; live = the past as fast as possible, then each message at its time on the "
                        + "clock (default: ${DEFAULT-VALUE})")
        Pacing speed;

        @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "none", converter = FaultsOption.class,
                description = "e.g. duplicates=0.01,reorder=0.01,late=0.005,late.delay=PT2H,resets=0.001,"
                        + "rollovers=0.1,glitches=0.002,spikes=0.002,gaps=0.002,garbage=0.001 (default: ${DEFAULT-VALUE})")
        FaultPlan faults;

        @Option(names = "--interval-meters", paramLabel = "SHARE", defaultValue = "0",
                description = "share (0..1) of the canonical electricity meters that send interval energy instead of "
                        + "their register: PT15M values in even UTC hours, one PT1H value in odd ones, a mixed series "
                        + "per meter (default: ${DEFAULT-VALUE})")
        double intervalShare;

        @Option(names = "--truth", paramLabel = "DIR",
                description = "write the ground truth (meter-hours.csv, building-hours.csv, meter-quarters.csv, "
                        + "building-quarters.csv, ...) here")
        Path truth;

        /** The options as one value; its checks (whole hours, at least one building) become usage errors. */
        SimulationOptions options() {
            Instant from = start != null ? start
                    : Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
            try {
                return new SimulationOptions(seed, buildings, municipality, formats, from, duration, speed, faults,
                        mqtt, kafka, topicPrefix, truth, java.util.Map.of(), null, intervalShare);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }

        @Override
        public Integer call() throws Exception {
            SimulationOptions options = options();
            System.err.printf("simulating %d buildings from %s for %s, pacing %s, formats %s%n", options.buildings(),
                    options.start(), options.duration(), options.pacing(), options.formats());
            new Simulation(options, System.err).run();
            return CommandLines.OK;
        }
    }

    @Command(name = "verify", description = "compare the store's KPIs with a run's ground truth; exit code 1 when "
            + "they differ")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--interval-meters", paramLabel = "SHARE", defaultValue = "0",
                description = "share (0..1) of the canonical electricity meters that send interval energy instead of "
                        + "their register: PT15M values in even UTC hours, one PT1H value in odd ones, a mixed series "
                        + "per meter (default: ${DEFAULT-VALUE})")
        double intervalShare;

        @Option(names = "--truth", paramLabel = "DIR", required = true, description = "the ground truth of the run")
        Path truth;

        @Option(names = "--store", paramLabel = "URL", defaultValue = "http://127.0.0.1:9000",
                description = "QuestDB HTTP endpoint holding the KPIs (default: ${DEFAULT-VALUE})")
        String store;

        @Option(names = "--tolerance", paramLabel = "KWH", defaultValue = "1e-6",
                description = "allowed difference per hour (default: ${DEFAULT-VALUE})")
        double tolerance;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
                description = "keep checking until it matches or this passes (default: ${DEFAULT-VALUE})")
        Duration timeout;

        @Option(names = "--municipality", paramLabel = "NO",
                description = "compare only this simulated municipality's meters and buildings")
        String municipality;

        @Option(names = "--require-quarters", description = "fail when the store has no quarter-hour rows of the "
                + "run (default: skip the quarter-hour comparison then, and say so)")
        boolean requireQuarters;

        @Override
        public Integer call() throws Exception {
            Verifier.Report report = new Verifier(store, tolerance, municipality, requireQuarters)
                    .verifyUntil(truth, timeout);
            System.out.println(report.summary());
            return report.ok() ? CommandLines.OK : CommandLines.FAILED;
        }
    }

    static final class FormatOption implements CommandLine.ITypeConverter<PayloadFormat> {
        @Override
        public PayloadFormat convert(String value) {
            return PayloadFormat.parse(value);
        }
    }

    static final class SpeedOption implements CommandLine.ITypeConverter<Pacing> {
        @Override
        public Pacing convert(String value) {
            return Pacing.parse(value);
        }
    }

    static final class FaultsOption implements CommandLine.ITypeConverter<FaultPlan> {
        @Override
        public FaultPlan convert(String value) {
            return FaultPlan.parse(value);
        }
    }

    static final class InstantOption implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("expects an ISO-8601 UTC time such as "
                        + "2026-11-20T00:00:00Z, got '" + value + "'");
            }
        }
    }
}
