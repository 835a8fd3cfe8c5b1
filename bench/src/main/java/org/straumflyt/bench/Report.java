package org.straumflyt.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/** Collects the phases' results and prints them as Markdown tables, ready for docs/BENCHMARKS.md. */
final class Report {
    private static final double TARGET_READINGS_PER_SECOND = 10_000;
    private static final double TARGET_P99_SECONDS = 2;

    private final BenchOptions options;
    private final String machine;
    private final Instant started;
    private final Map<String, String> loadAverages = new LinkedHashMap<>();
    private final List<PipelineRun.Result> pipelines = new ArrayList<>();
    private Load load;
    private CeilingRun.Result ceiling;

    Report(BenchOptions options, String machine, Instant started) {
        this.options = options;
        this.machine = machine;
        this.started = started;
    }

    void loadAverage(String when, String value) {
        loadAverages.put(when, value);
    }

    void load(Load load) {
        this.load = load;
    }

    void ceiling(CeilingRun.Result result) {
        this.ceiling = result;
    }

    void pipeline(PipelineRun.Result result) {
        pipelines.add(result);
    }

    void print(PrintStream out) {
        out.println();
        out.printf("End-to-end benchmark, %s%n", started.truncatedTo(ChronoUnit.MINUTES));
        out.printf("* machine: %s%n", machine);
        out.printf("* load average (1 / 5 / 15 min): %s%n", String.join("; ", loadAverages.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.printf("* load: %d buildings, %d simulated hours, formats %s, seed %d, no faults: %,d MQTT messages "
                + "(%,.1f MB of payload), %,d readings (%.3f per message; counted with ingest's decoder, %d "
                + "rejected); topics with %d partitions%n", options.buildings(), options.hours(), options.formats(),
                options.seed(), load.messageCount(), load.bytes() / 1e6, load.readings(),
                load.readings() / (double) load.messageCount(), load.rejected(), options.partitions());
        out.printf("* pipeline publishing: %s; latency probes every %d ms, store polled every %d ms%n",
                options.rate() > 0 ? String.format("paced at %,.0f readings/s", options.rate())
                        : "as fast as the broker takes it", options.probeInterval().toMillis(),
                options.probePoll().toMillis());
        out.println();
        throughput(out);
        out.println();
        usage(out);
        out.println();
        if (options.processors().size() > 1 || options.processors().get(0) > 1) {
            instances(out);
            out.println();
        }
        verdict(out);
    }

    /** A phase's name: its latency settings, and its processor instances when more than one. */
    static String phase(PipelineRun.Result r) {
        return r.settings().name() + (r.processors() == 1 ? "" : " × " + r.processors() + " processors");
    }

    private static String instances(PipelineRun.Result r) {
        return r.processors() == 1 ? "" : ", " + r.processors() + " stream-processor instances";
    }

    /**
     * Throughput and CPU per reading by stream-processor instance count: what coordination and standby replicas
     * cost when every instance shares this machine's cores.
     */
    private void instances(PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.println("| settings | processor instances | readings/s into the store | processors' CPU s (cores) | "
                + "processors' CPU ms per 1,000 readings | all pipeline processes' CPU ms per 1,000 readings |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (PipelineRun.Result r : pipelines) {
            double processorCpu = r.usage().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("stream-processor"))
                    .mapToDouble(e -> e.getValue().cpuSeconds()).sum();
            double pipelineCpu = totalCpu(r.usage()) - r.usage().get("benchmark JVM").cpuSeconds();
            out.printf("| %s | %d | %,.0f | %.1f (%.2f) | %.0f | %.0f |%n", r.settings().name(), r.processors(),
                    load.readings() / r.storeSeconds(), processorCpu, processorCpu / r.storeSeconds(),
                    1e6 * processorCpu / load.readings(), 1e6 * pipelineCpu / load.readings());
        }
        out.println();
        out.printf("* every instance, the brokers, the store and this benchmark share this machine's %d core%s: more "
                + "instances add no cores, so this measures what coordination (rebalances, one consumer group) and "
                + "the standby replicas (every store kept a second time, from its changelog) cost per reading, "
                + "not how far more machines would scale%n", cores, cores == 1 ? "" : "s");
        out.println("* with more than one instance each keeps a standby replica of every store (standby.replicas=1, "
                + "as deployed); all instances start and are ready before the load");
    }

    private void throughput(PrintStream out) {
        out.printf("| path | settings | published msg/s | readings/s into Kafka | readings/s into the store | "
                + "vs ceiling | latency p50 / p99 / max (s), all probes | probes | after the first %d s | probes |%n",
                options.warmUp().toSeconds());
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.printf("| ceiling: Mosquitto → Paho → KafkaProducer | – | %,.0f | %,.0f | – | 100 %% | – | – | – | – |%n",
                load.messageCount() / ceiling.publishSeconds(), ceilingRate());
        for (PipelineRun.Result r : pipelines) {
            Histogram h = r.latencyMicros();
            Histogram steady = r.steadyMicros();
            out.printf("| pipeline | %s | %,.0f | %,.0f | %,.0f | %.0f %% into Kafka, %.0f %% into the store | "
                            + "%.2f / %.2f / %.2f | %d%s | %.2f / %.2f / %.2f | %d |%n",
                    r.settings() + instances(r), load.messageCount() / r.publishSeconds(), load.readings() / r.kafkaSeconds(),
                    load.readings() / r.storeSeconds(), 100 * (load.readings() / r.kafkaSeconds()) / ceilingRate(),
                    100 * (load.readings() / r.storeSeconds()) / ceilingRate(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6,
                    h.getTotalCount(), r.unresolved() > 0 ? " (+" + r.unresolved() + " never seen)" : "",
                    steady.getValueAtPercentile(50) / 1e6, steady.getValueAtPercentile(99) / 1e6,
                    steady.getMaxValue() / 1e6, steady.getTotalCount());
        }
        out.println();
        out.printf("* ceiling: %,d messages in %.1f s (publishing took %.1f s)%n", load.messageCount(), ceiling.seconds(),
                ceiling.publishSeconds());
        for (PipelineRun.Result r : pipelines) {
            out.printf("* pipeline %s: published in %.1f s, every reading in Kafka after %.1f s, applied by the "
                            + "processor after %.1f s, store equal to the ground truth after %.1f s (one comparison "
                            + "takes %.2f s); %,d readings counted by ingest (probes excluded), %d dead letters, %d probe "
                            + "errors; %s%n",
                    phase(r), r.publishSeconds(), r.kafkaSeconds(), r.processorSeconds(), r.storeSeconds(),
                    r.verifyPass(),
                    r.readingsInKafka(), r.deadLetters(), r.probeErrors(), r.verified().lines().findFirst().orElse(""));
        }
    }

    private void usage(PrintStream out) {
        Set<String> names = new LinkedHashSet<>(ceiling.usage().keySet());
        pipelines.forEach(r -> names.addAll(r.usage().keySet()));
        StringBuilder header = new StringBuilder("| process | ceiling: CPU s (cores) | peak RSS MiB |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (PipelineRun.Result r : pipelines) {
            header.append(" pipeline ").append(phase(r)).append(": CPU s (cores) | peak RSS MiB |");
            rule.append("---:|---:|");
        }
        out.println(header);
        out.println(rule);
        for (String name : names) {
            StringBuilder row = new StringBuilder("| " + name + " |");
            row.append(cell(ceiling.usage().get(name), ceiling.seconds()));
            for (PipelineRun.Result r : pipelines) {
                row.append(cell(r.usage().get(name), r.storeSeconds()));
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder("| **all** |");
        total.append(totalCell(ceiling.usage(), ceiling.seconds()));
        for (PipelineRun.Result r : pipelines) {
            total.append(totalCell(r.usage(), r.storeSeconds()));
        }
        out.println(total);
        StringBuilder perReading = new StringBuilder("| **all, CPU ms per 1,000 readings** |");
        perReading.append(perThousandCell(ceiling.usage()));
        for (PipelineRun.Result r : pipelines) {
            perReading.append(perThousandCell(r.usage()));
        }
        out.println(perReading);
        out.println();
        out.println("* CPU s: user + system time during the phase (from the first publish until the ceiling had every "
                + "message in Kafka / the store equalled the ground truth); cores = CPU s / phase seconds.");
        out.println("* peak RSS: VmHWM at the end of the phase; Kafka, Mosquitto, QuestDB and the benchmark JVM run "
                + "through every phase, so theirs is the peak so far.");
        out.println("* the benchmark JVM runs the simulator (generating and publishing the load), the probes and the "
                + "comparisons with the ground truth.");
        out.printf("* warm-up before each phase (not measured): ceiling %s", warmUp(ceiling.warmUp()));
        pipelines.forEach(r -> out.printf("; pipeline %s %s", phase(r), warmUp(r.warmUp())));
        out.println();
        for (PipelineRun.Result r : pipelines) {
            out.printf("* JIT compiling during the pipeline %s phase: %s%n", phase(r),
                    String.join(", ", r.compiling().entrySet().stream()
                            .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).toList()));
        }
    }

    private static String warmUp(JitWarmUp.Outcome outcome) {
        if (outcome.rounds() == 0) {
            return "none";
        }
        return String.format("%d round%s, %,d readings, %s", outcome.rounds(), outcome.rounds() == 1 ? "" : "s",
                outcome.readings(), outcome.settled() ? "JIT settled" : "JIT not settled");
    }

    private void verdict(PrintStream out) {
        for (PipelineRun.Result r : pipelines) {
            double rate = load.readings() / r.storeSeconds();
            double p99 = r.latencyMicros().getValueAtPercentile(99) / 1e6;
            double steadyP99 = r.steadyMicros().getValueAtPercentile(99) / 1e6;
            String busiest = r.usage().entrySet().stream().filter(e -> !e.getKey().equals("benchmark JVM"))
                    .max((a, b) -> Double.compare(a.getValue().cpuSeconds(), b.getValue().cpuSeconds()))
                    .map(e -> String.format("%s (%.2f cores)", e.getKey(), e.getValue().cpuSeconds() / r.storeSeconds()))
                    .orElse("–");
            // Everything but the benchmark JVM (load generator, probes, comparisons) is the pipeline's own cost.
            double pipelineCpu = totalCpu(r.usage()) - r.usage().get("benchmark JVM").cpuSeconds();
            out.printf("* %s: %,.0f readings/s sustained into the store (target ≥ %,.0f: %s), probe p99 %.2f s, "
                            + "%.2f s after the warm-up (target < %.0f s: %s), %.0f %% of the ceiling; busiest process %s; the pipeline's "
                            + "processes used %.2f CPU ms per reading, so %d cores to themselves would carry at most "
                            + "about %,.0f readings/s%n",
                    phase(r), rate, TARGET_READINGS_PER_SECOND,
                    rate >= TARGET_READINGS_PER_SECOND ? "met" : "NOT met", p99, steadyP99, TARGET_P99_SECONDS,
                    p99 < TARGET_P99_SECONDS && r.unresolved() == 0 ? "met" : "NOT met", 100 * rate / ceilingRate(),
                    busiest, 1e3 * pipelineCpu / load.readings(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * load.readings() / pipelineCpu);
        }
    }

    private double ceilingRate() {
        return load.readings() / ceiling.seconds();
    }

    private static String cell(ProcessUsage usage, double seconds) {
        if (usage == null) {
            return " – | – |";
        }
        return String.format(" %.1f (%.2f) | %d |", usage.cpuSeconds(), usage.cpuSeconds() / seconds,
                usage.peakRssMib());
    }

    private String perThousandCell(Map<String, ProcessUsage> usage) {
        return String.format(" %.0f | |", 1e6 * totalCpu(usage) / load.readings());
    }

    private static double totalCpu(Map<String, ProcessUsage> usage) {
        return usage.values().stream().mapToDouble(ProcessUsage::cpuSeconds).sum();
    }

    private static String totalCell(Map<String, ProcessUsage> usage, double seconds) {
        double cpu = totalCpu(usage);
        return String.format(" %.1f (%.2f) | |", cpu, cpu / seconds);
    }
}
