package org.straumflyt.e2e.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rebalances of a Kafka Streams application, read from its instances' logs: Kafka Streams logs each state change
 * of a client as {@code stream-client [<client id>] State transition from RUNNING to REBALANCING} (logger
 * {@code org.apache.kafka.streams.KafkaStreams}, INFO). An instance rebalances from the line that leaves RUNNING for
 * REBALANCING to the one that goes back to RUNNING; the group rebalances while any instance does, so overlapping
 * intervals of the instances are one rebalance of the group.
 */
final class Rebalances {
    /** The log line, after a pattern that starts with the epoch milliseconds ({@code %d{UNIX_MILLIS}}). */
    private static final Pattern TRANSITION = Pattern.compile(
            "^(\\d{13}) .*stream-client \\[([^\\]]+)\\] State transition from (\\w+) to (\\w+)");

    /** One instance's state change at {@code epochMillis}. */
    record Transition(String instance, String client, long epochMillis, String from, String to) {
    }

    /** One rebalance of the group: from the first instance leaving RUNNING to the last one back in it. */
    record Window(long startMillis, long endMillis, List<String> instances) {
        long millis() {
            return endMillis - startMillis;
        }
    }

    /**
     * One instance's time out of RUNNING: from leaving RUNNING (or, for a start, CREATED) for REBALANCING until it is
     * RUNNING again; {@code endMillis} is -1 while it never came back (killed while rebalancing, or still at it).
     *
     * @param joined whether it is the instance's first assignment after its start, not a rebalance of a running one
     */
    record Interval(String instance, long startMillis, long endMillis, boolean joined) {
        boolean open() {
            return endMillis < 0;
        }
    }

    private Rebalances() {
    }

    /**
     * The transitions of the clients whose id starts with {@code applicationId + "-"} but not with
     * {@code applicationId + "-portfolio-"} (the processor's second application), in each instance's log.
     *
     * @param logs instance name → its log file
     */
    static List<Transition> read(Map<String, Path> logs, String applicationId) throws IOException {
        List<Transition> transitions = new ArrayList<>();
        for (var log : logs.entrySet()) {
            if (!Files.exists(log.getValue())) {
                continue;
            }
            // ISO-8859-1 decodes any byte: a log line with a payload that is not UTF-8 (the fleet's garbage fault)
            // must not stop the reading, and the lines looked for are ASCII
            for (String line : Files.readAllLines(log.getValue(), StandardCharsets.ISO_8859_1)) {
                Transition t = parse(log.getKey(), line);
                if (t != null && t.client().startsWith(applicationId + "-")
                        && !t.client().startsWith(applicationId + "-portfolio-")) {
                    transitions.add(t);
                }
            }
        }
        transitions.sort(Comparator.comparingLong(Transition::epochMillis));
        return transitions;
    }

    /** The transition a log line reports, or {@code null}. */
    static Transition parse(String instance, String line) {
        Matcher m = TRANSITION.matcher(line);
        return m.find() ? new Transition(instance, m.group(2), Long.parseLong(m.group(1)), m.group(3), m.group(4))
                : null;
    }

    /**
     * The group's rebalances that began at or after {@code sinceMillis}: each instance's REBALANCING intervals,
     * merged where they overlap. An interval still open at the end of the logs (the instance was killed while
     * rebalancing, or still rebalances) is left out: it has no duration.
     */
    static List<Window> windows(List<Transition> transitions, long sinceMillis) {
        List<Window> intervals = intervals(transitions, sinceMillis).stream().filter(i -> !i.open())
                .map(i -> new Window(i.startMillis(), i.endMillis(), List.of(i.instance()))).toList();
        List<Window> merged = new ArrayList<>();
        for (Window w : intervals) {
            Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && w.startMillis() <= last.endMillis()) {
                TreeSet<String> instances = new TreeSet<>(last.instances());
                instances.addAll(w.instances());
                merged.set(merged.size() - 1, new Window(last.startMillis(),
                        Math.max(last.endMillis(), w.endMillis()), List.copyOf(instances)));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    /**
     * Every instance's intervals out of RUNNING that began at or after {@code sinceMillis}, by start, the open ones
     * too (an instance killed while rebalancing, or one that has not finished).
     */
    static List<Interval> intervals(List<Transition> transitions, long sinceMillis) {
        Map<String, Transition> open = new java.util.HashMap<>();
        List<Interval> intervals = new ArrayList<>();
        for (Transition t : transitions.stream().sorted(Comparator.comparingLong(Transition::epochMillis)).toList()) {
            if ("REBALANCING".equals(t.to())) {
                open.putIfAbsent(t.instance(), t);
            } else if ("REBALANCING".equals(t.from())) {
                Transition start = open.remove(t.instance());
                if (start != null && "RUNNING".equals(t.to())) {
                    intervals.add(new Interval(t.instance(), start.epochMillis(), t.epochMillis(),
                            "CREATED".equals(start.from())));
                }
            } else if (!"RUNNING".equals(t.to())) {
                open.remove(t.instance());
            }
        }
        open.values().forEach(t -> intervals.add(new Interval(t.instance(), t.epochMillis(), -1,
                "CREATED".equals(t.from()))));
        return intervals.stream().filter(i -> i.startMillis() >= sinceMillis)
                .sorted(Comparator.comparingLong(Interval::startMillis)).toList();
    }
}
