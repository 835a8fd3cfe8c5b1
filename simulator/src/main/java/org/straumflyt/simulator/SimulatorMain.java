package org.straumflyt.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.Topics;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.verify.Verifier;

/** The simulator's command line: {@code publish} a fleet, or {@code verify} a store against a run's ground truth. */
public final class SimulatorMain {
    static final String USAGE = """
            usage: simulator publish [options]     simulate a fleet and publish it over MQTT (and its registry to Kafka)
                   simulator verify  [options]     compare the store's KPIs with a run's ground truth

            publish options:
              --mqtt URI            MQTT broker (default tcp://127.0.0.1:1883)
              --kafka HOST:PORT     Kafka, for the building registry and weather (default: none, skip them)
              --topic-prefix P      Kafka topic prefix (default straumflyt.)
              --buildings N         buildings in the fleet (default 10)
              --municipality NO     municipality number, also building id prefix (default 3201)
              --formats LIST        electricity meters' formats, round-robin: canonical,ams,shelly,tasmota,senml
                                    (default: all five)
              --seed N              reproducible fleet, load and faults (default 42)
              --start INSTANT       simulated start, ISO-8601 UTC (default: 6 hours before now, on the hour)
              --duration DURATION   simulated length, ISO-8601 (default PT6H)
              --speed S             simulated seconds per second: 1 = real time, 60 = a minute per second;
                                    max = as fast as possible; live = the past as fast as possible, then
                                    each message at its time on the clock (default max)
              --faults SPEC         e.g. duplicates=0.01,reorder=0.01,late=0.005,late.delay=PT2H,resets=0.001,
                                    rollovers=0.1,glitches=0.002,spikes=0.002,gaps=0.002,garbage=0.001 (default none)
              --truth DIR           write the ground truth (meter-hours.csv, building-hours.csv) here

            verify options:
              --truth DIR           the ground truth of the run
              --store URL           QuestDB HTTP endpoint holding the KPIs (default http://127.0.0.1:9000)
              --tolerance KWH       allowed difference per hour (default 1e-6)
              --timeout DURATION    keep checking until it matches or this passes (default PT2M)
              --municipality NO     compare only this simulated municipality's meters and buildings
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        // After the command only the option forms ask for help, as in the other tools ("help" may be a value).
        if (Arrays.stream(args).skip(1).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            System.out.println(USAGE);
            return 0;
        }
        Map<String, String> options;
        try {
            options = parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "publish" -> publish(options);
                case "verify" -> verify(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            System.err.println("simulator: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
    }

    private static int publish(Map<String, String> o) throws Exception {
        SimulationOptions options = publishOptions(o);
        System.err.printf("simulating %d buildings from %s for %s, pacing %s, formats %s%n", options.buildings(),
                options.start(), options.duration(), options.pacing(), options.formats());
        new Simulation(options, System.err).run();
        return 0;
    }

    static SimulationOptions publishOptions(Map<String, String> o) {
        Set<String> known = Set.of("mqtt", "kafka", "topic-prefix", "buildings", "municipality", "formats", "seed",
                "start", "duration", "speed", "faults", "truth");
        requireKnown(o, known);
        Instant start = o.containsKey("start") ? Instant.parse(o.get("start"))
                : Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
        List<PayloadFormat> formats = Arrays.stream(o.getOrDefault("formats", "canonical,ams,shelly,tasmota,senml")
                .split(",")).map(PayloadFormat::parse).toList();
        return new SimulationOptions(Long.parseLong(o.getOrDefault("seed", "42")),
                integer(o.getOrDefault("buildings", "10"), "--buildings"), o.getOrDefault("municipality", "3201"),
                formats, start, Duration.parse(o.getOrDefault("duration", "PT6H")),
                Pacing.parse(o.getOrDefault("speed", "max")), FaultPlan.parse(o.get("faults")),
                o.getOrDefault("mqtt", "tcp://127.0.0.1:1883"), o.get("kafka"),
                o.getOrDefault("topic-prefix", Topics.DEFAULT_PREFIX), o.containsKey("truth") ? Path.of(o.get("truth")) : null);
    }

    private static int verify(Map<String, String> o) throws Exception {
        requireKnown(o, Set.of("truth", "store", "tolerance", "timeout", "municipality"));
        if (!o.containsKey("truth")) {
            throw new IllegalArgumentException("verify needs --truth DIR");
        }
        Verifier verifier = new Verifier(o.getOrDefault("store", "http://127.0.0.1:9000"),
                number(o.getOrDefault("tolerance", "1e-6"), "--tolerance"), o.get("municipality"));
        Verifier.Report report = verifier.verifyUntil(Path.of(o.get("truth")),
                Duration.parse(o.getOrDefault("timeout", "PT2M")));
        System.out.println(report.summary());
        return report.ok() ? 0 : 1;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void requireKnown(Map<String, String> options, Set<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
        }
    }
}
