package org.straumflyt.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.straumflyt.dashboard.DashboardConfig;
import org.straumflyt.publisher.layout.QuestDbTables;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;
import org.straumflyt.servers.ServerDirs;

/**
 * The whole pipeline on this machine: a Kafka broker, Mosquitto and QuestDB (as the InfluxDB-API store) on loopback,
 * the three services and the dashboard as separate JVMs, and a simulated fleet that first backfills the last hours and then publishes
 * live. Everything it keeps is under one state directory; Ctrl-C stops it all.
 */
public final class LocalStack {
    private static final PrintStream OUT = System.out;
    private static final String LOOPBACK = "127.0.0.1";

    private final LocalStackOptions options;
    private final List<AutoCloseable> running = new ArrayList<>();

    private LocalStack(LocalStackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LocalStackOptions options;
        try {
            options = CommandLines.parseOrExit(new LocalStackOptions.Line(), args).options();
        } catch (UsageException e) {
            System.err.println("LocalStack: " + e.getMessage() + System.lineSeparator());
            CommandLines.of(new LocalStackOptions.Line()).usage(System.err);
            System.exit(CommandLines.USAGE);
            return;
        }
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("local stack: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws Exception {
        Path state = options.stateDir();
        Path logs = Files.createDirectories(state.resolve("logs"));
        System.setProperty(ServerDirs.BASE_DIR_PROPERTY, state.resolve("servers").toString());

        OUT.println("straumflyt local stack — state in " + state);
        OUT.println("starting Kafka, Mosquitto and QuestDB ...");
        KafkaBroker kafka = remember(KafkaBroker.startNew());
        MosquittoBroker mqtt = remember(MosquittoBroker.startNew());
        QuestDbServer store = remember(QuestDbServer.startNew());
        QuestDbTables.createStatements().forEach(store::exec);

        OUT.println("starting ingest-mqtt, stream-processor, kpi-publisher and the dashboard ...");
        Map<String, String> common = Map.of("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "STRAUMFLYT_TOPIC_PARTITIONS", "3");
        List<ServiceProcess> services = new ArrayList<>();
        services.add(remember(ServiceProcess.start("kpi-publisher", "org.straumflyt.publisher.PublisherMain",
                options.classpath(), port(8083), with(common, Map.of("STRAUMFLYT_INFLUX_URL", store.httpUrl())),
                logs)));
        services.add(remember(ServiceProcess.start("stream-processor", "org.straumflyt.processor.ProcessorMain",
                options.classpath(), port(8082), with(common, Map.of("STRAUMFLYT_STATE_DIR",
                        state.resolve("kafka-streams").toString())), logs)));
        services.add(remember(ServiceProcess.start("ingest-mqtt", "org.straumflyt.ingest.IngestMain",
                options.classpath(), port(8081), with(common, ingestRoutes(mqtt.uri())), logs)));
        // The dashboard has no authentication: its page and its /health stay on loopback (docs/DASHBOARD.md).
        int webPort = port(DashboardConfig.DEFAULT_WEB_PORT);
        services.add(remember(ServiceProcess.start("dashboard", "org.straumflyt.dashboard.DashboardMain",
                options.classpath(), port(DashboardConfig.DEFAULT_HTTP_PORT), Map.of(
                        // Kafka for the registry topic: the buildings' names, categories and areas
                        "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "STRAUMFLYT_STORE_URL", store.httpUrl(), "STRAUMFLYT_HTTP_HOST", LOOPBACK,
                        "STRAUMFLYT_WEB_HOST", LOOPBACK, "STRAUMFLYT_WEB_PORT", String.valueOf(webPort)), logs)));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }

        Files.writeString(state.resolve(ENV_FILE), addresses(kafka.bootstrapServers(), mqtt.uri(), store.httpUrl()));
        printBanner("http://" + LOOPBACK + ":" + webPort + "/", kafka, mqtt, store, services, logs);
        startSimulator(kafka, mqtt, state);
    }

    private void startSimulator(KafkaBroker kafka, MosquittoBroker mqtt, Path state) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(options.history());
        SimulationOptions simulation = new SimulationOptions(options.seed(), options.buildings(), "3201",
                List.of(PayloadFormat.values()), start, options.history().plus(Duration.ofDays(7)), new Pacing.Live(),
                FaultPlan.parse(options.faults()), mqtt.uri(), kafka.bootstrapServers(), "straumflyt.",
                state.resolve("truth"));
        Thread simulator = new Thread(() -> {
            try {
                new Simulation(simulation, System.out).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("simulator stopped: " + e.getMessage());
            }
        }, "simulator");
        simulator.setDaemon(true);
        simulator.start();
        running.add(simulator::interrupt);
    }

    /** The file in the state directory with the servers' addresses, which the README's commands read. */
    public static final String ENV_FILE = "local.env";

    /**
     * The servers' addresses as shell variables ({@code . .straumflyt/local.env}): the servers listen on free ports,
     * so the README's commands cannot name them.
     */
    public static String addresses(String kafka, String mqttUri, String storeUrl) {
        java.net.URI mqtt = java.net.URI.create(mqttUri);
        return "# Addresses of the running local stack (./straumflyt run); read with: . .straumflyt/local.env\n"
                + "KAFKA=" + kafka + "\n"
                + "MQTT=" + mqttUri + "\n"
                + "MQTT_HOST=" + mqtt.getHost() + "\n"
                + "MQTT_PORT=" + mqtt.getPort() + "\n"
                + "STORE=" + storeUrl + "\n";
    }

    /** Routes for every format the simulator speaks, on the topics it publishes to. */
    public static Map<String, String> ingestRoutes(String mqttUri) {
        Map<String, String> env = new HashMap<>();
        env.put("STRAUMFLYT_MQTT_SERVER_URI", mqttUri);
        env.put("STRAUMFLYT_MQTT_CLIENT_ID", "straumflyt-ingest-local");
        env.put("STRAUMFLYT_ROUTES", "canonical,ams,shelly,tasmota,senml");
        route(env, "canonical", "straumflyt/readings/#", "straumflyt/readings/{buildingId}/{meterId}");
        route(env, "ams", "ams/+/json", "ams/{meterId}/json");
        route(env, "shelly", "shelly/+/status/switch:0", "shelly/{meterId}/status/switch:0");
        route(env, "tasmota", "tele/+/SENSOR", "tele/{meterId}/SENSOR");
        route(env, "senml", "senml/+", "senml/{meterId}");
        return env;
    }

    private static void route(Map<String, String> env, String name, String filter, String ids) {
        String prefix = "STRAUMFLYT_ROUTE_" + name.toUpperCase(java.util.Locale.ROOT) + "_";
        env.put(prefix + "FILTER", filter);
        env.put(prefix + "IDS", ids);
    }

    private void printBanner(String dashboard, KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store,
            List<ServiceProcess> services, Path logs) {
        String console = store.httpUrl();
        OUT.println();
        // First: where a facility manager looks.
        OUT.println(" Dashboard: " + dashboard + "   (open it in a browser)");
        OUT.println("=================================================================================");
        OUT.println(" straumflyt is running. Ctrl-C stops everything.");
        OUT.println();
        OUT.println(" KPI store (QuestDB console, speaks InfluxDB's write API): " + console);
        OUT.println("   paste into its SQL editor, e.g.:");
        OUT.println("     SELECT time, building, category, import_kwh, kwh_per_m2, meters_reporting, meters_expected");
        OUT.println("       FROM building_hourly ORDER BY time DESC, building LIMIT 50;");
        OUT.println("     SELECT time, building, import_kwh, peak_hour_kwh, base_load_kw FROM building_daily");
        OUT.println("       ORDER BY time DESC;");
        OUT.println("     SELECT building, import_kwh, kwh_per_m2, peak_hour_kwh, capacity_peak_kw FROM building_monthly;");
        OUT.println("     SELECT time, meter, energy_kwh, peak_kw, coverage, flags FROM meter_hourly");
        OUT.println("       WHERE flags != '' ORDER BY time DESC;");
        OUT.println("   or over HTTP: curl -G " + console + "/exec --data-urlencode \"query=SELECT count() FROM meter_hourly\"");
        OUT.println();
        for (ServiceProcess service : services) {
            OUT.printf(" %-17s %s  %s  (log %s)%n", service.name(), service.url("/health"), service.url("/metrics"),
                    service.log());
        }
        OUT.println();
        OUT.println(" Kafka " + kafka.bootstrapServers() + "   MQTT " + mqtt.uri() + "   logs " + logs);
        OUT.println(" These addresses for your own commands: . " + options.stateDir().resolve(ENV_FILE));
        OUT.println(" Simulated fleet: " + options.buildings() + " buildings in Bærum (3201), the last "
                + options.history().toHours() + " h backfilled, then live; faults: " + options.faults());
        OUT.println("=================================================================================");
        OUT.println();
    }

    private void stop() {
        OUT.println("stopping ...");
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        OUT.println("stopped; state kept in " + options.stateDir());
    }

    private <T extends AutoCloseable> T remember(T resource) {
        running.add(resource);
        return resource;
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** The preferred port when it is free, else any free one. */
    private static int port(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred, 1, java.net.InetAddress.getLoopbackAddress())) {
            return preferred;
        } catch (IOException e) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
