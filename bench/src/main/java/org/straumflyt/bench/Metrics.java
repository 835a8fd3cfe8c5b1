package org.straumflyt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Reads counters from a process's Prometheus {@code /metrics}, or the sum over several instances of one service
 * (e.g. the readings every stream-processor instance applied).
 */
final class Metrics {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> uris;

    Metrics(String metricsUrl) {
        this(List.of(metricsUrl));
    }

    /** The sums over every one of {@code metricsUrls}. */
    Metrics(List<String> metricsUrls) {
        this.uris = metricsUrls.stream().map(URI::create).toList();
    }

    /**
     * The sum of the series of {@code name} whose labels contain every one of {@code labelParts} (all series when
     * none is given), over every instance; 0 when there is none yet.
     */
    double sum(String name, String... labelParts) throws IOException, InterruptedException {
        double sum = 0;
        for (URI uri : uris) {
            String text = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && containsAll(line, labelParts)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    private static boolean containsAll(String line, String[] parts) {
        for (String part : parts) {
            if (!line.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
