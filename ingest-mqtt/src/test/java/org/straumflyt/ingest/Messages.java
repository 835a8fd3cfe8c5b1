package org.straumflyt.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.straumflyt.model.Reading;

/** Test load: message i is a register reading of meter {@code m-(i % 50)} with value i, so each is identifiable. */
final class Messages {
    static final int METERS = 50;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private Messages() {
    }

    static String payload(String prefix, int i) {
        return "{\"meterId\":\"" + prefix + "m-" + (i % METERS) + "\",\"kind\":\"ENERGY_REGISTER\",\"value\":" + i
                + ",\"timestamp\":\"" + BASE.plusSeconds(i) + "\"}";
    }

    static List<String> payloads(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> payload(prefix, i)).toList();
    }

    /** The message numbers the readings came from. */
    static Set<Integer> numbers(List<Reading> readings) {
        return readings.stream().map(r -> (int) r.value()).collect(Collectors.toSet());
    }

    static Set<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toSet());
    }
}
