package org.straumflyt.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/**
 * The end-to-end benchmark (a command, not a test). On private Kafka, Mosquitto and QuestDB servers it sends one
 * simulated fleet as fast as the broker takes it, first through the bare infrastructure (Mosquitto → a plain Paho
 * subscriber → a plain KafkaProducer: the ceiling), then through the whole pipeline (ingest-mqtt, stream-processor,
 * kpi-publisher as child JVMs) once per latency setting. It prints readings/s into Kafka and into the store (until
 * the store equals the simulator's ground truth), their ratio to the ceiling, the publish-to-queryable latency of
 * probe readings, and the CPU seconds and peak memory of every process; with {@code --processors 1,2,3}, once per
 * stream-processor instance count too, with the throughput and CPU per reading of each count. See docs/BENCHMARKS.md for the command.
 */
public final class PipelineBenchmark {
    private static final String MUNICIPALITY = "3201";
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = CommandLines.parseOrExit(new BenchOptions.Line(), args).options();
        } catch (IllegalArgumentException e) {
            System.err.println("PipelineBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Report report = new Report(options, Machine.describe(), Instant.now());
        report.loadAverage("start", Machine.loadAverage());
        Path logs = Files.createDirectories(Path.of("target", "bench"));
        try (KafkaBroker kafka = KafkaBroker.startNew(); MosquittoBroker mqtt = MosquittoBroker.startNew();
                QuestDbServer store = QuestDbServer.startNew()) {
            QuestDbTables.createStatements().forEach(store::exec);
            SimulationOptions simulation = simulation(options, mqtt.uri(), logs.resolve("truth"));
            out.printf("generating the load: %d buildings, %d simulated hours from %s, formats %s ...%n",
                    options.buildings(), options.hours(), simulation.start(), options.formats());
            Load load = Load.generate(simulation);
            report.load(load);
            out.println(load);
            WarmUpLoads warmUp = new WarmUpLoads(options, simulation, logs.resolve("truth-warm-up"));
            if (warmUp.rounds() > 0) {
                out.printf("warm-up before each phase (not measured): up to %d rounds of %d buildings each, until the"
                        + " JIT compilers settle%n", warmUp.rounds(), options.warmUpBuildings());
            }

            out.println("ceiling: Mosquitto → Paho subscriber → KafkaProducer ...");
            report.ceiling(new CeilingRun(kafka, mqtt, store, logs, options.partitions()).run(load, warmUp, out));
            report.loadAverage("after the ceiling", Machine.loadAverage());

            List<PipelineRun.Result> runs = new ArrayList<>();
            for (LatencySettings settings : options.settings()) {
                for (int processors : options.processors()) {
                    out.println("pipeline, " + settings + ", " + processors + " stream-processor instance"
                            + (processors == 1 ? "" : "s") + " ...");
                    runs.add(new PipelineRun(kafka, mqtt, store, logs, options).run(settings, processors, load,
                            warmUp, out));
                    report.pipeline(runs.get(runs.size() - 1));
                    report.loadAverage("after pipeline " + Report.phase(runs.get(runs.size() - 1)),
                            Machine.loadAverage());
                }
            }
        }
        report.print(out);
        System.exit(0);
    }

    /**
     * The whole load: whole hours that ended before the current hour began, so every reading is in the past. The
     * pacing is not used: the load is generated up front and {@link LoadPublisher} sends it.
     */
    private static SimulationOptions simulation(BenchOptions options, String mqttUri, Path truth) {
        Duration duration = Duration.ofHours(options.hours());
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(duration).minus(Duration.ofHours(2));
        return new SimulationOptions(options.seed(), options.buildings(), MUNICIPALITY, options.formats(), start,
                duration, new Pacing.Max(), FaultPlan.NONE, mqttUri, null, Topics.DEFAULT_PREFIX, truth);
    }
}
