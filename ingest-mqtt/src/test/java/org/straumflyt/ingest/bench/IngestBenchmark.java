package org.straumflyt.ingest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.straumflyt.ingest.IngestMain;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;

/**
 * The ingest-mqtt benchmark (not a test). On one real Mosquitto and one real Kafka broker it runs, one after the
 * other, the bridge and a raw Paho subscriber that only acknowledges (the ceiling), each as its own JVM, under the
 * same loads: a paced rate and as fast as the publisher can go. For each it prints messages/s, readings/s, the
 * latency from MQTT arrival to done (Kafka's acknowledgement for the bridge, the PUBACK for the ceiling), CPU
 * seconds per 1 000 messages and resident memory.
 *
 * <pre>
 * mvn -q -pl ingest-mqtt test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.straumflyt.ingest.bench.IngestBenchmark -Dexec.args="--rate 5000 --messages 100000"
 * </pre>
 */
public final class IngestBenchmark {
    private static int receiveMaximum = 1_000;
    private static String compression = "lz4";

    private IngestBenchmark() {
    }

    record Result(String subject, String load, long messages, double publishedPerSecond, double messagesPerSecond,
            double p50, double p99, double max, double cpuPerThousand, long rss, long peakRss, double maxInFlight) {
    }

    public static void main(String[] args) throws Exception {
        double rate = option(args, "--rate", 5_000);
        long messages = (long) option(args, "--messages", 100_000);
        long warmup = (long) option(args, "--warmup", 20_000);
        receiveMaximum = (int) option(args, "--receive-maximum", 1_000);
        compression = text(args, "--compression", "lz4");
        Path logs = Files.createDirectories(Path.of("target", "bench"));
        List<Result> results = new ArrayList<>();
        try (MosquittoBroker mosquitto = MosquittoBroker.startNew(); KafkaBroker kafka = KafkaBroker.startNew()) {
            for (String subject : List.of("ceiling", "bridge")) {
                String topic = "bench/" + subject + "/load";
                int port = Subject.freePort();
                try (Subject s = start(subject, mosquitto, kafka, port, logs);
                        PacedPublisher publisher = new PacedPublisher(mosquitto.uri(), topic)) {
                    run(s, publisher, "warm-up", warmup, 0);
                    results.add(run(s, publisher, String.format("%.0f msg/s", rate), messages, rate));
                    results.add(run(s, publisher, "max", messages, 0));
                }
            }
        }
        print(results, rate);
        System.exit(0);
    }

    private static Subject start(String subject, MosquittoBroker mosquitto, KafkaBroker kafka, int port, Path logs)
            throws Exception {
        Path log = logs.resolve(subject + ".log");
        if (subject.equals("ceiling")) {
            return Subject.start(subject, RawAckSubscriber.class.getName(), List.of(mosquitto.uri(),
                    "bench/ceiling/#", Integer.toString(port), Integer.toString(receiveMaximum)), Map.of(), port, log);
        }
        return Subject.start(subject, IngestMain.class.getName(), List.of(), Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", "bench.",
                "mqtt.server.uri", mosquitto.uri(),
                "mqtt.client.id", "bench-bridge",
                "mqtt.receive.maximum", Integer.toString(receiveMaximum),
                "route.canonical.filter", "bench/bridge/#",
                "kafka.compression.type", compression,
                "http.host", "127.0.0.1",
                "http.port", Integer.toString(port)), port, log);
    }

    private static Result run(Subject subject, PacedPublisher publisher, String load, long count, double rate)
            throws Exception {
        Scrape before = Scrape.parse(subject.scrape());
        Duration cpuBefore = subject.cpu();
        long start = System.nanoTime();
        InFlightSampler sampler = new InFlightSampler(subject);
        double published;
        try {
            published = publisher.publish(count, rate);
        } finally {
            sampler.stop();
        }
        Scrape after = Scrape.parse(subject.scrape());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (after.produced() - before.produced() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(subject.name() + " did not finish " + count + " messages");
            }
            Thread.sleep(20);
            after = Scrape.parse(subject.scrape());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (subject.cpu().minus(cpuBefore).toMillis() / 1000.0) / count * 1000;
        long[] rss = subject.rssMib();
        Result result = new Result(subject.name(), load, count, published, count / seconds,
                after.quantileMillis(before, 0.5), after.quantileMillis(before, 0.99),
                after.quantileMillis(before, 1), cpu, rss[0], rss[1], sampler.max());
        System.out.println(result);
        return result;
    }

    private static void print(List<Result> results, double rate) {
        System.out.println();
        System.out.println("| subject | load | messages | published msg/s | done msg/s | readings/s | latency p50 ms "
                + "| p99 ms | max ms | CPU s / 1000 msg | RSS MiB (peak) | max in flight |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            if (r.load().equals("warm-up")) {
                continue;
            }
            boolean bridge = r.subject().equals("bridge");
            System.out.printf("| %s | %s | %d | %.0f | %.0f | %s | ≤ %.2f | ≤ %.2f | ≤ %.1f | %.3f | %d (%d) | %s |%n",
                    r.subject(), r.load(), r.messages(), r.publishedPerSecond(), r.messagesPerSecond(),
                    bridge ? String.format("%.0f", r.messagesPerSecond()) : "–", r.p50(), r.p99(), r.max(),
                    r.cpuPerThousand(), r.rss(), r.peakRss(),
                    Double.isNaN(r.maxInFlight()) ? "–" : String.format("%.0f", r.maxInFlight()));
        }
        double ceiling = results.stream().filter(r -> r.subject().equals("ceiling") && r.load().equals("max"))
                .mapToDouble(Result::messagesPerSecond).findFirst().orElse(Double.NaN);
        double bridgeMax = results.stream().filter(r -> r.subject().equals("bridge") && r.load().equals("max"))
                .mapToDouble(Result::messagesPerSecond).findFirst().orElse(Double.NaN);
        double p99AtRate = results.stream().filter(r -> r.subject().equals("bridge") && r.load().contains("msg/s"))
                .mapToDouble(Result::p99).findFirst().orElse(Double.NaN);
        System.out.printf("%nbridge / ceiling throughput at max: %.0f%% (target ≥ 80%%)%n", 100 * bridgeMax / ceiling);
        System.out.printf("bridge p99 arrival→Kafka-ack at %.0f msg/s: ≤ %.2f ms (target < 50 ms)%n", rate, p99AtRate);
    }

    /** Samples the subject's in-flight gauge every 250 ms (scraping is not free) while the publisher runs. */
    private static final class InFlightSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double max = Double.NaN;

        InFlightSampler(Subject subject) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        String text = subject.scrape();
                        double now = Scrape.parse(text).inFlight();
                        if (now > receiveMaximum && System.getProperty("bench.debug") != null) {
                            text.lines().filter(l -> l.startsWith("straumflyt_ingest_messages")
                                    || l.startsWith("straumflyt_ingest_inflight"))
                                    .forEach(System.out::println);
                        }
                        if (!Double.isNaN(now) && (Double.isNaN(max) || now > max)) {
                            max = now;
                        }
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (java.io.IOException e) {
                        // the next sample may work
                    }
                }
            }, "in-flight-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        double max() {
            return max;
        }
    }

    private static String text(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static double option(String[] args, String name, double fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return fallback;
    }
}
