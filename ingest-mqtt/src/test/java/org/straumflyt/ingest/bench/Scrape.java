package org.straumflyt.ingest.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two things the benchmark reads from /metrics: messages done, and the latency histogram's buckets. */
record Scrape(double produced, double inFlight, TreeMap<Double, Double> latencyBuckets) {
    private static final Pattern BUCKET = Pattern.compile(
            "^straumflyt_ingest_latency_seconds_bucket\\{.*le=\"([^\"]+)\".*} ([0-9.Ee+-]+)$");

    static Scrape parse(String text) {
        double produced = 0;
        double inFlight = Double.NaN;
        double received = Double.NaN;
        double acknowledged = Double.NaN;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("straumflyt_ingest_messages_produced_total")) {
                produced += value(line);
            }
            if (line.startsWith("straumflyt_ingest_inflight")) {
                inFlight = value(line);
            }
            if (line.startsWith("straumflyt_ingest_messages_received_total")) {
                received = value(line);
            }
            if (line.startsWith("straumflyt_ingest_messages_acknowledged_total")) {
                acknowledged = value(line);
            }
            Matcher m = BUCKET.matcher(line);
            if (m.matches()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return new Scrape(produced, Math.max(Double.isNaN(inFlight) ? 0 : inFlight, received - acknowledged), buckets);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /**
     * The latency quantile of what happened between {@code before} and this scrape, as the upper bound of the
     * histogram bucket it falls in, ms; {@code q = 1} gives the bound of the highest non-empty bucket (the max).
     */
    double quantileMillis(Scrape before, double q) {
        double total = latencyBuckets.lastEntry().getValue() - before.latencyBuckets.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double wanted = q >= 1 ? total : Math.ceil(q * total);
        for (Map.Entry<Double, Double> bucket : latencyBuckets.entrySet()) {
            double count = bucket.getValue() - before.latencyBuckets.getOrDefault(bucket.getKey(), 0.0);
            if (count >= wanted) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
