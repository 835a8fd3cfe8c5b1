package org.straumflyt.simulator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.truth.IndicatorTruth;
import org.straumflyt.simulator.truth.PortfolioTruth;

/**
 * Compares the KPIs in the store with a run's ground truth: every meter-hour and building-hour of the truth must be
 * present, final (not an estimate) and equal within the tolerance; nothing else may carry energy, except estimates
 * for hours the registers have not reached. A meter-register-hour or building-hour stored in more than one row is a
 * failure of its own (e.g. an hour kept once per building it was attributed to), never collapsed into one. Reads
 * QuestDB over its HTTP SQL endpoint ({@code /exec}).
 *
 * <p>Quarter-hours are compared the same way, level by level, when the truth has them and the store holds rows of
 * the run; otherwise the report says which level was skipped and why.
 */
public final class Verifier {
    /**
     * The store's tables of {@code kpi.meter-quarter-hourly} and {@code kpi.building-quarter-hourly}, named like the
     * hourly ones ({@code kpi.meter-hourly} → {@code meter_hourly}) with the same columns.
     */
    static final String METER_QUARTER_TABLE = "meter_quarter_hourly";
    static final String BUILDING_QUARTER_TABLE = "building_quarter_hourly";
    static final String METER_QUARTERS_CSV = "meter-quarters.csv";
    static final String BUILDING_QUARTERS_CSV = "building-quarters.csv";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String store;
    private final double tolerance;
    private final String municipality;
    private final boolean quartersRequired;

    /** Compares the whole store. */
    public Verifier(String storeUrl, double tolerance) {
        this(storeUrl, tolerance, null);
    }

    /**
     * Compares only the meters and buildings of one simulated municipality (ids {@code <municipality>-b…}), so that
     * runs sharing a store do not see each other.
     */
    public Verifier(String storeUrl, double tolerance, String municipality) {
        this(storeUrl, tolerance, municipality, false);
    }

    /**
     * @param quartersRequired a store without quarter-hour rows of the run is a mismatch (every quarter missing),
     *                         not a skipped level: for runs whose pipeline computes quarter-hours
     */
    public Verifier(String storeUrl, double tolerance, String municipality, boolean quartersRequired) {
        if (municipality != null && !municipality.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("municipality must be letters and digits, got '" + municipality + "'");
        }
        this.store = storeUrl.endsWith("/") ? storeUrl.substring(0, storeUrl.length() - 1) : storeUrl;
        this.tolerance = tolerance;
        this.municipality = municipality;
        this.quartersRequired = quartersRequired;
    }

    /**
     * The outcome of one comparison.
     *
     * @param rests            the unmetered rests of buildings with meter trees (nothing expected without trees)
     * @param meterQuarters    the meter quarter-hours, or {@code null} when they were not compared
     * @param buildingQuarters the building quarter-hours, or {@code null} when they were not compared
     * @param skipped          why a quarter-hour level was not compared, one line each; empty when both were
     */
    public record Report(Comparison meters, Comparison buildings, Comparison rests, Comparison meterQuarters,
            Comparison buildingQuarters, List<String> skipped) {
        private static final Comparison NOTHING = new Comparison(0, 0, List.of(), List.of(), List.of(), List.of());

        public Report {
            skipped = List.copyOf(skipped);
        }

        /** Hours only (a truth or a store without quarter-hours or meter trees). */
        public Report(Comparison meters, Comparison buildings) {
            this(meters, buildings, NOTHING, null, null, List.of());
        }

        /** Hours and the unmetered rests, without quarter-hours. */
        public Report(Comparison meters, Comparison buildings, Comparison rests) {
            this(meters, buildings, rests, null, null, List.of());
        }

        /** Hours and quarter-hours, without meter trees. */
        public Report(Comparison meters, Comparison buildings, Comparison meterQuarters, Comparison buildingQuarters,
                List<String> skipped) {
            this(meters, buildings, NOTHING, meterQuarters, buildingQuarters, skipped);
        }

        public boolean ok() {
            return meters.ok() && buildings.ok() && rests.ok() && (meterQuarters == null || meterQuarters.ok())
                    && (buildingQuarters == null || buildingQuarters.ok());
        }

        public String summary() {
            String nl = System.lineSeparator();
            StringBuilder b = new StringBuilder((ok() ? "OK" : "MISMATCH") + nl + "  meter-hours:    " + meters + nl
                    + "  building-hours: " + buildings);
            if (rests.expected() != 0) {
                b.append(nl).append("  unmetered rest: ").append(rests);
            }
            if (meterQuarters != null) {
                b.append(nl).append("  meter-quarter-hours:    ").append(meterQuarters);
            }
            if (buildingQuarters != null) {
                b.append(nl).append("  building-quarter-hours: ").append(buildingQuarters);
            }
            skipped.forEach(reason -> b.append(nl).append("  skipped ").append(reason));
            return b.toString();
        }
    }

    /**
     * How one level compared.
     *
     * @param duplicates keys stored in more than one row, each naming the meter (and register) or building, the hour
     *                   and the rows' values; such a key counts as neither equal nor different
     */
    public record Comparison(int expected, int matched, List<String> missing, List<String> wrong, List<String> extra,
            List<String> duplicates) {
        public boolean ok() {
            return matched == expected && missing.isEmpty() && wrong.isEmpty() && extra.isEmpty()
                    && duplicates.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("%d expected, %d equal, %d missing, %d different, %d unexpected, %d duplicated%s",
                    expected, matched, missing.size(), wrong.size(), extra.size(), duplicates.size(), examples());
        }

        private String examples() {
            List<String> all = new ArrayList<>();
            all.addAll(missing.stream().limit(3).map(m -> "missing " + m).toList());
            all.addAll(wrong.stream().limit(3).toList());
            all.addAll(extra.stream().limit(3).map(e -> "unexpected " + e).toList());
            all.addAll(duplicates.stream().limit(3).map(d -> "duplicated " + d).toList());
            String separator = System.lineSeparator() + "    e.g. ";
            return all.isEmpty() ? "" : separator + String.join(separator, all);
        }
    }

    /**
     * How the stored portfolio records of the municipality compare with its registry indicators.
     *
     * @param expected the truth
     * @param records  portfolio rows of the municipality in the store (both periods, every day)
     * @param wrong    the rows that differ, described
     */
    public record IndicatorReport(IndicatorTruth expected, int records, List<String> wrong) {
        public boolean ok() {
            return records > 0 && wrong.isEmpty();
        }

        @Override
        public String toString() {
            return (ok() ? "OK" : "MISMATCH") + ": " + records + " portfolio rows, expected " + expected
                    + (wrong.isEmpty() ? "" : System.lineSeparator() + "    " + String.join(System.lineSeparator()
                    + "    ", wrong.stream().limit(5).toList()));
        }
    }

    /** Compares the portfolio rows with the truth's indicators repeatedly until they match or the timeout passes. */
    public IndicatorReport verifyIndicatorsUntil(Path truthDir, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            IndicatorReport report = verifyIndicators(truthDir);
            if (report.ok() || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Compares every stored portfolio row of the truth's municipality with its registry indicators: buildings,
     * electricity meters, EC:ICT:ES:1C (smart meters, %) and EC:I:B:2A (integrated building management, %).
     */
    public IndicatorReport verifyIndicators(Path truthDir) throws IOException, InterruptedException {
        IndicatorTruth truth = IndicatorTruth.read(truthDir);
        List<JsonNode> rows = rows("SELECT period, time, buildings, electricity_meters, smart_electricity_meters, "
                + "smart_meter_percent, integrated_buildings, integrated_building_percent FROM portfolio "
                + "WHERE municipality = '" + truth.municipality().replace("'", "''") + "'");
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : rows) {
            boolean equal = r.get(2).asInt() == truth.buildings()
                    && r.get(3).asInt() == truth.electricityMeters()
                    && r.get(4).asInt() == truth.smartElectricityMeters()
                    && Math.abs(r.get(5).asDouble() - truth.smartMeterPercent()) <= 1e-9
                    && r.get(6).asInt() == truth.integratedBuildings()
                    && Math.abs(r.get(7).asDouble() - truth.integratedBuildingPercent()) <= 1e-9;
            if (!equal) {
                wrong.add(r.toString());
            }
        }
        return new IndicatorReport(truth, rows.size(), wrong);
    }

    /**
     * How the stored portfolio records of the municipality compare with its portfolio truth.
     *
     * @param expected the truth
     * @param compared per period ({@code year_to_date}, {@code rolling_12_months}), the rows whose period holds every
     *                 simulated day, so that the truth applies to them
     * @param skipped  rows whose period leaves out a simulated day (not compared)
     * @param wrong    the compared rows that differ, each with the fields that differ
     */
    public record PortfolioReport(PortfolioTruth expected, Map<String, Integer> compared, int skipped,
            List<String> wrong) {
        public boolean ok() {
            return compared.getOrDefault("year_to_date", 0) > 0 && compared.getOrDefault("rolling_12_months", 0) > 0
                    && wrong.isEmpty();
        }

        @Override
        public String toString() {
            return (ok() ? "OK" : "MISMATCH") + ": compared " + compared + ", skipped " + skipped + ", expected "
                    + expected + (wrong.isEmpty() ? "" : System.lineSeparator() + "    " + String.join(
                    System.lineSeparator() + "    ", wrong.stream().limit(5).toList()));
        }
    }

    /** Compares the portfolio rows with the portfolio truth repeatedly until they match or the timeout passes. */
    public PortfolioReport verifyPortfolioUntil(Path truthDir, double relativeTolerance, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PortfolioReport report = verifyPortfolio(truthDir, relativeTolerance);
            if (report.ok() || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Compares the energy figures of every stored portfolio row of the truth's municipality whose period holds all
     * simulated days with the truth ({@code portfolio.csv}): the period's length from its last day (year to date:
     * from 1 January; rolling 12 months: from the day after the same date a year earlier), buildings, area, energy,
     * EN:E:E:4A plain and degree-day-corrected, EN:E:E:1C, building-days with data, complete and expected,
     * completeness, energy coverage and corrected coverage. Counts must be equal; the rest may differ by
     * {@code relativeTolerance} of the truth's value (sums added in another order).
     */
    public PortfolioReport verifyPortfolio(Path truthDir, double relativeTolerance)
            throws IOException, InterruptedException {
        PortfolioTruth truth = PortfolioTruth.read(truthDir);
        List<JsonNode> rows = rows("SELECT period, period_end, days, buildings, area_m2, import_kwh, kwh_per_m2, "
                + "corrected_kwh, corrected_kwh_per_m2, corrected_coverage, renewable_kwh, renewable_percent, "
                + "expected_building_days, building_days_with_data, complete_building_days, coverage, "
                + "energy_coverage FROM portfolio WHERE municipality = '"
                + truth.municipality().replace("'", "''") + "'");
        Map<String, Integer> compared = new java.util.TreeMap<>();
        int skipped = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : rows) {
            String period = r.get(0).asText();
            LocalDate to = LocalDate.parse(r.get(1).asText());
            LocalDate from = switch (period) {
                case "year_to_date" -> to.withDayOfYear(1);
                case "rolling_12_months" -> to.minusYears(1).plusDays(1);
                default -> throw new IOException("unknown portfolio period '" + period + "'");
            };
            if (truth.firstDay().isBefore(from) || truth.lastDay().isAfter(to)) {
                skipped++;
                continue;
            }
            compared.merge(period, 1, Integer::sum);
            int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            List<String> differ = new ArrayList<>();
            exact(differ, "days", r.get(2), days);
            exact(differ, "buildings", r.get(3), truth.buildings());
            close(differ, "area_m2", r.get(4), truth.areaM2(), relativeTolerance);
            close(differ, "import_kwh", r.get(5), truth.importKwh(), relativeTolerance);
            close(differ, "kwh_per_m2", r.get(6), truth.kwhPerM2(), relativeTolerance);
            close(differ, "corrected_kwh", r.get(7), truth.correctedKwh(), relativeTolerance);
            close(differ, "corrected_kwh_per_m2", r.get(8), truth.correctedKwhPerM2(), relativeTolerance);
            close(differ, "corrected_coverage", r.get(9), truth.correctedCoverage(), relativeTolerance);
            close(differ, "renewable_kwh", r.get(10), truth.renewableKwh(), relativeTolerance);
            close(differ, "renewable_percent", r.get(11), truth.renewablePercent(), relativeTolerance);
            exact(differ, "expected_building_days", r.get(12), truth.expectedBuildingDays(days));
            exact(differ, "building_days_with_data", r.get(13), truth.buildingDaysWithData());
            exact(differ, "complete_building_days", r.get(14), truth.completeBuildingDays());
            close(differ, "coverage", r.get(15), truth.coverage(days), relativeTolerance);
            close(differ, "energy_coverage", r.get(16), truth.energyCoverage(days), relativeTolerance);
            if (!differ.isEmpty()) {
                wrong.add(period + " ending " + to + ": " + String.join("; ", differ));
            }
        }
        return new PortfolioReport(truth, compared, skipped, wrong);
    }

    private static void exact(List<String> differ, String field, JsonNode stored, long expected) {
        if (stored == null || stored.isNull() || stored.asLong() != expected) {
            differ.add(field + " expected " + expected + ", store has " + stored);
        }
    }

    private static void close(List<String> differ, String field, JsonNode stored, double expected,
            double relativeTolerance) {
        if (stored == null || stored.isNull()
                || !(Math.abs(stored.asDouble() - expected) <= relativeTolerance * Math.abs(expected))) {
            differ.add(field + " expected " + expected + ", store has " + stored);
        }
    }

    /** Compares repeatedly until it matches or the timeout passes (the pipeline may still be catching up). */
    public Report verifyUntil(Path truthDir, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Report report = verify(truthDir);
            if (report.ok() || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(1000);
        }
    }

    /** Compares once. */
    public Report verify(Path truthDir) throws IOException, InterruptedException {
        Properties period = new Properties();
        try (var in = Files.newBufferedReader(truthDir.resolve("period.properties"), StandardCharsets.UTF_8)) {
            period.load(in);
        }
        // Only the hours the truth speaks for: the last one of a run is only partly covered by its readings.
        String window = " time >= '" + Instant.parse(period.getProperty("start")) + "' AND time < '"
                + Instant.parse(period.getProperty("end")) + "'";
        Map<String, Double> meterTruth = readTruth(truthDir.resolve("meter-hours.csv"), 0, 4, 5);
        Map<String, Double> buildingTruth = readTruth(truthDir.resolve("building-hours.csv"), 0, 1, 2);
        String meters = municipality == null ? "" : " AND meter LIKE '%-" + municipality + "-b%'";
        String buildings = municipality == null ? "" : " AND building LIKE '" + municipality + "-b%'";
        // The truth holds the import register only; the key is <meter>@<hour>, so duplicates are per meter-register.
        Map<String, List<Row>> meterStore = query("SELECT meter, time, energy_kwh, estimated FROM meter_hourly "
                + "WHERE register = 'import' AND" + window + meters);
        Map<String, List<Row>> buildingStore = query("SELECT building, time, import_kwh, false FROM building_hourly "
                + "WHERE" + window + buildings);
        List<String> skipped = new ArrayList<>();
        Comparison meterQuarters = compareQuarters(truthDir.resolve(METER_QUARTERS_CSV), METER_QUARTER_TABLE,
                "SELECT meter, time, energy_kwh, estimated FROM " + METER_QUARTER_TABLE
                        + " WHERE register = 'import' AND" + window + meters, 0, 4, 5, Verifier::meterHourName,
                skipped);
        Comparison buildingQuarters = compareQuarters(truthDir.resolve(BUILDING_QUARTERS_CSV),
                BUILDING_QUARTER_TABLE, "SELECT building, time, import_kwh, false FROM " + BUILDING_QUARTER_TABLE
                        + " WHERE" + window + buildings, 0, 1, 2, Verifier::buildingHourName, skipped);
        // buildings with meter trees: the unmetered rest (main − its sub-meters), where the truth has one
        Path restsCsv = truthDir.resolve("building-rests.csv");
        Map<String, Double> restTruth = Files.exists(restsCsv) ? readTruth(restsCsv, 0, 1, 2) : Map.of();
        Map<String, List<Row>> restStore = restTruth.isEmpty() ? Map.of() : query("SELECT building, time, "
                + "unmetered_kwh, false FROM building_hourly WHERE unmetered_kwh IS NOT NULL AND" + window + buildings);
        return new Report(compare(meterTruth, meterStore, Verifier::meterHourName),
                compare(buildingTruth, buildingStore, Verifier::buildingHourName),
                compare(restTruth, restStore, Verifier::buildingHourName), meterQuarters, buildingQuarters, skipped);
    }

    /**
     * Compares one quarter-hour level, or says why not ({@code null}): a truth written before quarter-hours has no
     * quarter file; a store without rows in the table (the table absent, or empty for this run) means the pipeline's
     * quarter-hour stage is switched off or its records are not stored, which is not an error of the hours (unless
     * quarter-hours are required: then every quarter is missing).
     */
    private Comparison compareQuarters(Path truthCsv, String table, String sql, int idColumn, int bucketColumn,
            int kwhColumn, Function<String, String> name, List<String> skipped)
            throws IOException, InterruptedException {
        if (!Files.exists(truthCsv)) {
            skipped.add(table + ": the truth has no " + truthCsv.getFileName() + " (written by an older simulator)");
            return null;
        }
        Map<String, List<Row>> stored = query(sql);
        if (stored.isEmpty() && !quartersRequired) {
            skipped.add(table + ": the store has no rows of this run (the quarter-hour stage is switched off, or "
                    + "its records are not stored)");
            return null;
        }
        return compare(readTruth(truthCsv, idColumn, bucketColumn, kwhColumn), stored,
                key -> name.apply(key).replace(" hour ", " quarter-hour "));
    }

    private Comparison compare(Map<String, Double> truth, Map<String, List<Row>> stored,
            Function<String, String> name) {
        int matched = 0;
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        stored.forEach((key, rows) -> {
            if (rows.size() > 1) {
                duplicates.add(name.apply(key) + ": " + rows.size() + " rows, " + rows.stream()
                        .map(r -> r.kwh() + " kWh" + (r.estimated() ? " (estimated)" : "")).toList());
            }
        });
        for (var expected : truth.entrySet()) {
            List<Row> rows = stored.get(expected.getKey());
            Row row = rows == null ? null : rows.get(0);
            if (row == null) {
                missing.add(expected.getKey());
            } else if (rows.size() > 1) {
                continue;
            } else if (row.estimated() || Math.abs(row.kwh() - expected.getValue()) > tolerance) {
                wrong.add(expected.getKey() + " expected " + expected.getValue() + " kWh, store has " + row.kwh()
                        + (row.estimated() ? " (estimated)" : ""));
            } else {
                matched++;
            }
        }
        List<String> extra = new ArrayList<>();
        stored.forEach((key, rows) -> {
            for (Row row : rows) {
                if (!truth.containsKey(key) && !row.estimated() && Math.abs(row.kwh()) > tolerance) {
                    extra.add(key + " " + row.kwh() + " kWh");
                }
            }
        });
        return new Comparison(truth.size(), matched, missing, wrong, extra, duplicates);
    }

    private record Row(double kwh, boolean estimated) {
    }

    /** {@code <meter>@<hour>} as a reader wants it: meter, register and hour. */
    private static String meterHourName(String key) {
        int at = key.lastIndexOf('@');
        return "meter " + key.substring(0, at) + " register import hour " + key.substring(at + 1);
    }

    private static String buildingHourName(String key) {
        int at = key.lastIndexOf('@');
        return "building " + key.substring(0, at) + " hour " + key.substring(at + 1);
    }

    private static Map<String, Double> readTruth(Path csv, int idColumn, int hourColumn, int kwhColumn)
            throws IOException {
        Map<String, Double> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            truth.put(f[idColumn] + "@" + Instant.parse(f[hourColumn]), Double.parseDouble(f[kwhColumn]));
        }
        return truth;
    }

    /** Rows by {@code <id>@<hour>}; every row is kept, so that a key stored twice shows as two. */
    private Map<String, List<Row>> query(String sql) throws IOException, InterruptedException {
        Map<String, List<Row>> rows = new HashMap<>();
        for (JsonNode r : rows(sql)) {
            rows.computeIfAbsent(r.get(0).asText() + "@" + Instant.parse(r.get(1).asText()),
                    k -> new ArrayList<>()).add(new Row(r.get(2).asDouble(), r.get(3).asBoolean()));
        }
        return rows;
    }

    /** The result rows of a query, each a JSON array of its columns; none when the table does not exist yet. */
    private List<JsonNode> rows(String sql) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        int pageSize = 100_000;
        for (int from = 0; ; from += pageSize) {
            String url = store + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8) + "&limit=" + from
                    + "," + (from + pageSize);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = Json.mapper().readTree(response.body());
            if (response.statusCode() != 200) {
                String error = body.path("error").asText("");
                if (error.contains("does not exist")) {
                    return rows;
                }
                throw new IOException("store answered " + response.statusCode() + " to " + sql + ": " + error);
            }
            JsonNode dataset = body.path("dataset");
            dataset.forEach(rows::add);
            if (dataset.size() < pageSize) {
                return rows;
            }
        }
    }
}
