package org.straumflyt.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.local.LocalStack;

/** ingest-mqtt's routes for every format the simulator speaks (the local stack's), and what the ceiling subscribes to. */
public final class IngestRoutes {
    private IngestRoutes() {
    }

    /** The ingest environment variables of the routes (and the broker URI). */
    static Map<String, String> environment(String mqttUri) {
        return LocalStack.ingestRoutes(mqttUri);
    }

    /** ingest's own decoder with these routes, as the pipeline runs it. */
    public static MessageDecoder decoder(String mqttUri) {
        return new IngestConfig(settings(mqttUri)).messageDecoder();
    }

    /** The routes (and the broker URI) as ingest's configuration keys, for an ingest started in-process. */
    public static Map<String, String> settings(String mqttUri) {
        Map<String, String> keys = new HashMap<>();
        environment(mqttUri).forEach((name, value) -> keys.put(
                name.substring("STRAUMFLYT_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value));
        return keys;
    }

    /** The routes' MQTT topic filters: the ceiling subscribes to exactly what ingest subscribes to. */
    static List<String> filters(String mqttUri) {
        return environment(mqttUri).entrySet().stream().filter(e -> e.getKey().endsWith("_FILTER"))
                .map(Map.Entry::getValue).sorted().toList();
    }
}
