package org.straumflyt.e2e.bench;

import java.util.List;
import java.util.Map;
import org.straumflyt.local.LocalStack;

/** ingest-mqtt's routes for every format the simulator speaks (the local stack's), and what the ceiling subscribes to. */
final class IngestRoutes {
    private IngestRoutes() {
    }

    /** The ingest environment variables of the routes (and the broker URI). */
    static Map<String, String> environment(String mqttUri) {
        return LocalStack.ingestRoutes(mqttUri);
    }

    /** The routes' MQTT topic filters: the ceiling subscribes to exactly what ingest subscribes to. */
    static List<String> filters(String mqttUri) {
        return environment(mqttUri).entrySet().stream().filter(e -> e.getKey().endsWith("_FILTER"))
                .map(Map.Entry::getValue).sorted().toList();
    }
}
