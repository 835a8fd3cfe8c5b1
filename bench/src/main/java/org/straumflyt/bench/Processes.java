package org.straumflyt.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.MosquittoBroker;
import org.straumflyt.servers.QuestDbServer;

/** The processes a phase measures, by name, in report order. */
final class Processes {
    private final Map<String, LongSupplier> pids = new LinkedHashMap<>();

    Processes add(String name, LongSupplier pid) {
        pids.put(name, pid);
        return this;
    }

    /** Adds what every phase runs beside its services: the brokers, the store and this benchmark JVM. */
    Processes andInfrastructure(KafkaBroker kafka, MosquittoBroker mqtt, QuestDbServer store) {
        return add("kafka", kafka::pid).add("mosquitto", mqtt::pid).add("questdb", store::pid)
                .add("benchmark JVM", () -> ProcessHandle.current().pid());
    }

    /** Every process's usage now. */
    Map<String, ProcessUsage> read() {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid.getAsLong())));
        return usage;
    }

    /** CPU used since {@code before} by each process, with its peak memory now. */
    Map<String, ProcessUsage> since(Map<String, ProcessUsage> before) {
        Map<String, ProcessUsage> used = new LinkedHashMap<>();
        read().forEach((name, now) -> used.put(name, now.since(before.get(name))));
        return used;
    }
}
