package org.straumflyt.simulator.publish;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many of each injected fault a run produced, for its report. */
public final class FaultCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String fault) {
        counts.computeIfAbsent(fault, k -> new LongAdder()).increment();
    }

    public long get(String fault) {
        LongAdder adder = counts.get(fault);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
