package org.straumflyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.straumflyt.local.ServiceProcess;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.Kpi;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.layout.KpiLayouts;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.publisher.write.InfluxPointStore;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.QuestDbServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The dashboard with a municipality's portfolio: N buildings (300 by default) with eight days of hours, 30 days and
 * 12 months in a real QuestDB and their registry entries on a real Kafka, the dashboard as its own process, and
 * Debian's Chromium (dashboard/src/test/browser/bench.mjs) loading the portfolio page again and again. Prints how
 * long the page takes until every building's row is on it (interactive), how long a re-sort and a building page
 * take, and the dashboard's CPU while idle without a page and with one page open (its live feed re-reads the running
 * hour every 3 s), beside the targets (1 s, 2 % of a core).
 */
@Command(name = "DashboardBenchmark", mixinStandardHelpOptions = true,
        description = "the dashboard's page times and idle CPU with a portfolio of N buildings")
public final class DashboardBenchmark implements Callable<Integer> {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Path BROWSER = Path.of("..", "dashboard", "src", "test", "browser");

    @Option(names = "--buildings", defaultValue = "300", description = "buildings (default: ${DEFAULT-VALUE})")
    int buildings;

    @Option(names = "--rounds", defaultValue = "20", description = "page loads measured (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--idle-s", defaultValue = "60",
            description = "seconds of each idle measurement (default: ${DEFAULT-VALUE})")
    int idleSeconds;

    public static void main(String[] args) {
        System.exit(CommandLines.of(new DashboardBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench", "dashboard"));
        System.out.printf("dashboard benchmark: %d buildings, %s%n", buildings, Machine.describe());
        try (QuestDbServer store = QuestDbServer.startNew(); KafkaBroker kafka = KafkaBroker.startNew()) {
            Instant now = Instant.now();
            long began = System.nanoTime();
            List<Building> registry = registry();
            write(store, records(registry, now));
            String prefix = "bench-dashboard-" + now.toEpochMilli() + ".";
            Topics topics = Topics.withPrefix(prefix);
            Topic<String, Building> topic = topics.registryBuildings();
            kafka.createTopic(topic.name(), 1, true);
            try (KafkaProducer<String, Building> producer = new KafkaProducer<>(kafka.clientConfig(),
                    topic.keySerde().serializer(), topic.valueSerde().serializer())) {
                for (Building building : registry) {
                    producer.send(topics.registryRecord(building));
                }
            }
            System.out.printf("data: %d buildings' hours, days and months written in %.1f s%n", buildings,
                    (System.nanoTime() - began) / 1e9);

            int webPort = Ports.free();
            Map<String, String> environment = new HashMap<>();
            environment.put("STRAUMFLYT_STORE_URL", store.httpUrl());
            environment.put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("STRAUMFLYT_TOPIC_PREFIX", prefix);
            environment.put("STRAUMFLYT_WEB_PORT", Integer.toString(webPort));
            ServiceProcess dashboard = ServiceProcess.start("dashboard", "org.straumflyt.dashboard.DashboardMain",
                    System.getProperty("java.class.path"), Ports.free(), environment, dir);
            try {
                dashboard.awaitReady(Duration.ofMinutes(1));
                String url = "http://127.0.0.1:" + webPort + "/";
                awaitRegistry(url);
                long pid = dashboard.pid();
                double idleNoPage = cpuShare(pid, idleSeconds);
                JsonNode pages = browse(url, pid);
                report(pages, idleNoPage);
            } finally {
                dashboard.terminate();
                dashboard.awaitExit(Duration.ofSeconds(30));
            }
        }
        return CommandLines.OK;
    }

    /** N buildings round-robin over the categories, spread over Bærum. */
    private List<Building> registry() {
        BuildingCategory[] categories = BuildingCategory.values();
        List<Building> registry = new ArrayList<>();
        for (int i = 0; i < buildings; i++) {
            String id = String.format("3201-b%03d", i);
            registry.add(new Building(id, "Bygg " + i, "3201", categories[i % categories.length], 1000 + 10 * i,
                    OSLO.getId(), new GeoLocation(59.85 + (i % 20) * 0.01, 10.40 + (i / 20) * 0.02), null, false,
                    List.of(MeterSpec.of(id + "-el", Carrier.ELECTRICITY))));
        }
        return registry;
    }

    /** Per building: every hour of the last eight local days up to the running one, 30 days and 12 months. */
    private static List<Kpi> records(List<Building> registry, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, OSLO);
        Instant from = today.minusDays(8).atStartOfDay(OSLO).toInstant();
        Instant running = now.truncatedTo(ChronoUnit.HOURS);
        List<Kpi> records = new ArrayList<>();
        for (Building b : registry) {
            double base = 5 + (b.heatedAreaM2() % 97) / 10.0;
            for (Instant hour = from; !hour.isAfter(running); hour = hour.plus(Duration.ofHours(1))) {
                double kwh = base + (hour.atZone(OSLO).getHour() % 12);
                double coverage = hour.equals(running) ? 0.5 : 1.0;
                records.add(new BuildingHour(b.buildingId(), b.municipality(), b.category(), hour,
                        electricity(kwh), kwh, 0.0, kwh / b.heatedAreaM2(), null, 1, 1, coverage, Set.of(), 1));
            }
            for (LocalDate day = today.minusDays(30); day.isBefore(today); day = day.plusDays(1)) {
                double kwh = 24 * base + 66;
                records.add(new BuildingDaily(b.buildingId(), b.municipality(), b.category(), day, OSLO.getId(), 24,
                        24, electricity(kwh), kwh, 0.0, kwh / b.heatedAreaM2(),
                        new PeakHour(day.atTime(7, 0).atZone(OSLO).toInstant(), base + 11), 12.0,
                        -5.0 + day.getDayOfMonth() % 10, 17.0, null, 1.0, 1.0, Set.of(), 1));
            }
            for (YearMonth month = YearMonth.from(today).minusMonths(11); !month.isAfter(YearMonth.from(today));
                    month = month.plusMonths(1)) {
                double kwh = 30 * (24 * base + 66);
                records.add(new BuildingMonthly(b.buildingId(), b.municipality(), b.category(), month, OSLO.getId(),
                        30, electricity(kwh), kwh, 0.0, kwh / b.heatedAreaM2(), null, List.of(), base + 10, null,
                        null, null, 1.0, Set.of(), 1));
            }
        }
        return records;
    }

    private static Map<Carrier, CarrierEnergy> electricity(double kwh) {
        return Map.of(Carrier.ELECTRICITY, new CarrierEnergy(kwh, 0.0, null));
    }

    /** Through the publisher's own writer and table definitions, as the pipeline writes them. */
    private static void write(QuestDbServer store, List<Kpi> records) {
        QuestDbTables.createStatements().forEach(store::exec);
        try (InfluxPointStore writer = new InfluxPointStore(store.httpUrl(), "unused".toCharArray(), "straumflyt",
                "kpi", Duration.ofSeconds(60), false)) {
            for (int i = 0; i < records.size(); i += 5_000) {
                writer.write(records.subList(i, Math.min(records.size(), i + 5_000)).stream()
                        .flatMap(r -> KpiLayouts.points(r).stream()).toList());
            }
        }
        for (String table : List.of(KpiLayouts.BUILDING_HOURLY.name(), KpiLayouts.BUILDING_DAILY.name(),
                KpiLayouts.BUILDING_MONTHLY.name())) {
            store.awaitWalApplied(table, Duration.ofMinutes(2));
        }
    }

    /** Until the dashboard has read every building's registry entry. */
    private void awaitRegistry(String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/portfolio"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            JsonNode list = new ObjectMapper().readTree(body).path("buildings");
            long named = 0;
            for (JsonNode b : list) {
                named += b.path("inRegistry").asBoolean() ? 1 : 0;
            }
            if (named == buildings) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the dashboard did not read the registry within a minute");
    }

    /** The process's CPU over {@code seconds}, as a share of one core. */
    private static double cpuShare(long pid, int seconds) throws InterruptedException {
        ProcessUsage before = ProcessUsage.of(pid);
        Thread.sleep(seconds * 1000L);
        return ProcessUsage.of(pid).since(before).cpuSeconds() / seconds;
    }

    /** Runs the browser script; measures the dashboard's CPU while the script keeps one page open. */
    private JsonNode browse(String url, long pid) throws Exception {
        Path expectations = Files.createTempFile("dashboard-bench", ".json");
        Files.writeString(expectations, new ObjectMapper().writeValueAsString(Map.of("url", url, "buildings",
                buildings, "rounds", rounds)));
        Process node = new ProcessBuilder("node", "bench.mjs", expectations.toString()).directory(BROWSER.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); var in = node.outputWriter(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("@@idle")) {
                    double share = cpuShare(pid, idleSeconds);
                    in.write(share + "\n");
                    in.flush();
                } else if (line.startsWith("{")) {
                    result = new ObjectMapper().readTree(line);
                } else {
                    System.out.println(line);
                }
            }
        }
        if (!node.waitFor(2, TimeUnit.MINUTES) || node.exitValue() != 0 || result == null) {
            throw new IllegalStateException("the browser script failed (see its output above)");
        }
        return result;
    }

    private void report(JsonNode pages, double idleNoPage) {
        System.out.printf("%n%-46s %10s %10s %10s   %s%n", "dashboard, " + buildings + " buildings", "p50", "p95",
                "max", "target");
        row("portfolio page until every row is shown, ms", pages.path("load"), "≤ 1000 ms");
        row("portfolio re-sorted by today, ms", pages.path("sort"), "");
        row("building page until its figures are shown, ms", pages.path("building"), "");
        System.out.printf("%-46s %10.2f %%%30s%n", "dashboard CPU idle, no page open", 100 * idleNoPage, "≤ 2 %");
        System.out.printf("%-46s %10.2f %%%30s%n", "dashboard CPU idle, one page open (live feed)",
                100 * pages.path("idleShare").asDouble(), "≤ 2 %");
        System.out.printf("(%d page loads; the first load of each kind is not counted: Chromium's cache and JIT)%n",
                pages.path("load").size());
    }

    private static void row(String what, JsonNode millis, String target) {
        List<Double> sorted = new ArrayList<>();
        millis.forEach(m -> sorted.add(m.asDouble()));
        sorted.sort(Double::compare);
        System.out.printf("%-46s %10.0f %10.0f %10.0f   %s%n", what, percentile(sorted, 50), percentile(sorted, 95),
                sorted.get(sorted.size() - 1), target);
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
