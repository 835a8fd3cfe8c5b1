package org.straumflyt.processor;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.processor.calendar.DegreeDayRules;
import org.straumflyt.processor.cost.Tariffs;
import org.straumflyt.processor.engine.MeteringRules;
import org.straumflyt.processor.followup.FollowUpRules;
import org.straumflyt.processor.portfolio.PortfolioRules;
import org.straumflyt.processor.portfolio.RenewableShares;
import org.straumflyt.processor.weather.WeatherZones;
import org.straumflyt.runtime.ConfigValidators;
import org.straumflyt.runtime.KnownKeys;
import org.straumflyt.runtime.ReadingRulesConfig;
import org.straumflyt.runtime.ServiceConfig;

/** Configuration of the stream processor: the service basics plus Kafka Streams and metering settings. */
public final class ProcessorConfig extends ServiceConfig {
    public static final int DEFAULT_HTTP_PORT = 8082;

    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String CACHE_MAX_BYTES = "cache.max.bytes";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String STREAM_THREADS = "stream.threads";
    public static final String STATE_STORE_TYPE = "state.store.type";
    public static final String LATENESS_HORIZON_HOURS = "lateness.horizon.hours";
    public static final String POWER_MAX_GAP_SECONDS = "power.max.gap.seconds";
    public static final String REGISTER_INTERPOLATION_SECONDS = "register.interpolation.seconds";
    public static final String ROLLOVER_BAND = "rollover.band";
    public static final String METER_EMIT_INTERVAL_MS = "meter.emit.interval.ms";
    public static final String METER_DEFAULT_MAX_POWER_KW = "meter.default.max.power.kw";
    public static final String DEGREE_DAYS_SHARES = "degree.days.shares";
    public static final String DEGREE_DAYS_NORMALS = "degree.days.normals";
    public static final String QUARTER_HOURS_ENABLED = "quarter.hours.enabled";
    public static final String PORTFOLIO_ENABLED = "portfolio.enabled";
    public static final String PORTFOLIO_TIME_ZONE = "portfolio.time.zone";
    public static final String PORTFOLIO_METER_FRESH_MINUTES = "portfolio.meter.fresh.minutes";
    public static final String PORTFOLIO_EMIT_INTERVAL_SECONDS = "portfolio.emit.interval.seconds";
    public static final String PORTFOLIO_RENEWABLE_SHARES = "portfolio.renewable.shares";
    public static final String PORTFOLIO_RENEWABLE_SHARES_MUNICIPAL = "portfolio.renewable.shares.municipal";
    public static final String PORTFOLIO_YEARLY_MIN_COVERAGE = "portfolio.yearly.min.coverage";
    public static final String COST_TARIFFS_FILE = "cost.tariffs.file";

    // Kafka Streams' own prefixes for settings of one of its clients or of the internal topics.
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX,
            StreamsConfig.TOPIC_PREFIX);

    public ProcessorConfig(Map<String, String> values) {
        super(definition(), values, streamsKeys());
        // The list-valued settings are parsed here, so that a wrong entry stops the processor at start.
        degreeDayRules();
        portfolioRules();
        weatherZones();
        followUpRules();
        costTariffs();
    }

    /** The {@code kafka.*} keys Kafka Streams reads beyond those of its clients. */
    public static KnownKeys streamsKeys() {
        Set<String> names = new TreeSet<>();
        StreamsConfig.configDef().names().forEach(name -> names.add(KAFKA_PREFIX + name));
        Set<String> templates = new TreeSet<>();
        STREAMS_CLIENT_PREFIXES.forEach(prefix -> templates.add(KAFKA_PREFIX + prefix + "*"));
        return new KnownKeys(names, templates);
    }

    /** Every key of the stream processor, with defaults and documentation. */
    public static ConfigDef definition() {
        return FollowUpRules.define(ReadingRulesConfig.define(WeatherZones.define(base(DEFAULT_HTTP_PORT))))
                .define(APPLICATION_ID, Type.STRING, "straumflyt-stream-processor", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka Streams application id: consumer group, prefix of internal topics "
                                + "and of the state directory. Instances with the same id share the work.")
                .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/straumflyt-streams",
                        new ConfigDef.NonEmptyString(), Importance.HIGH, "Directory of the local state stores (rebuilt from changelogs when lost).")
                .define(COMMIT_INTERVAL_MS, Type.LONG, 500L, Range.atLeast(10), Importance.MEDIUM,
                        "How often results are committed (exactly-once transactions), ms. Downstream sees updates "
                                + "of the current hour at about this pace.")
                .define(CACHE_MAX_BYTES, Type.LONG, 10L * 1024 * 1024, Range.atLeast(0), Importance.LOW,
                        "Record cache of the state stores, bytes; collapses repeated updates of one key between "
                                + "commits so the KPI topics are not flooded. 0 emits every update.")
                .define(STANDBY_REPLICAS, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                        "Standby replicas of each state store on other instances, for fast fail-over.")
                .define(STREAM_THREADS, Type.INT, 2, Range.atLeast(1), Importance.LOW,
                        "Stream threads of this instance. Two by default: with one, its stream thread limits the "
                                + "processor long before a 2-core machine does (docs/BENCHMARKS.md).")
                .define(STATE_STORE_TYPE, Type.STRING, "rocksdb", ConfigDef.ValidString.in("rocksdb", "in_memory"),
                        Importance.LOW, "Where state stores live: rocksdb (on disk, large fleets) or in_memory "
                                + "(rebuilt from the changelogs on every start).")
                .define(LATENESS_HORIZON_HOURS, Type.INT, MeteringRules.DEFAULT_HORIZON_HOURS, Range.atLeast(1),
                        Importance.MEDIUM, "Readings older than the newest reading of their meter-register minus "
                                + "this many hours are dead-lettered as late; within it they correct earlier hours.")
                .define(POWER_MAX_GAP_SECONDS, Type.INT, MeteringRules.DEFAULT_POWER_GAP_SECONDS, Range.atLeast(1),
                        Importance.MEDIUM, "Power samples further apart than this are not integrated across: the "
                                + "gap lowers the hour's coverage instead of inventing energy.")
                .define(REGISTER_INTERPOLATION_SECONDS, Type.INT, MeteringRules.DEFAULT_INTERPOLATION_SECONDS,
                        Range.atLeast(1), Importance.LOW, "A register step longer than this is spread over its "
                                + "hours and flagged interpolated.")
                .define(ROLLOVER_BAND, Type.DOUBLE, MeteringRules.DEFAULT_ROLLOVER_BAND, Range.between(0.0, 0.5),
                        Importance.LOW, "A drop of a register counts as a rollover when the value before was within "
                                + "this fraction of the meter's register maximum below it, and the value after "
                                + "within this fraction above 0.")
                .define(METER_EMIT_INTERVAL_MS, Type.LONG, (long) MeteringRules.DEFAULT_EMIT_INTERVAL_MS,
                        Range.atLeast(0), Importance.MEDIUM, "How often changed meter-hours are emitted, ms: an "
                                + "hour that changes many times in between (power samples, a backlog) is sent once. "
                                + "0 sends every change at once.")
                .define(METER_DEFAULT_MAX_POWER_KW, Type.LIST, "", Importance.LOW,
                        "Plausible maximum power, kW, of meters whose registry entry has no maxPowerKw, per energy "
                                + "carrier, e.g. 'electricity:5000,district_heating:20000'. A power sample beyond it "
                                + "(either sign) is quarantined and its hour flagged SPIKE. Unlisted carriers: "
                                + (long) MeteringRules.DEFAULT_CARRIER_MAX_POWER_KW + " kW.")
                .define(DEGREE_DAYS_SHARES, Type.LIST, "", Importance.LOW,
                        "Temperature-dependent share f of energy per building category, e.g. "
                                + "'school:0.6,office:0.5'. Unlisted categories keep the defaults (0.6 school, "
                                + "kindergarten, sports hall, cultural; 0.4 hospital; 0.5 others).")
                .define(DEGREE_DAYS_NORMALS, Type.LIST, "", Importance.LOW,
                        "Normal degree days (base 17 °C) per weather location and month, January first, e.g. "
                                + "'baerum:650/580/530/380/200/60/20/40/160/340/480/610'. Unlisted locations use "
                                + "that eastern-Norway default.")
                .define(QUARTER_HOURS_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether meter and building quarter-hours are written beside the hours, on "
                                + "kpi.meter-quarter-hourly and kpi.building-quarter-hourly. Every hour is the exact "
                                + "sum of its quarters; turning them off leaves the hours as they are.")
                .define(PORTFOLIO_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether the portfolio application runs beside the KPI topology (application id "
                                + "<application.id>-portfolio): U4SSC indicators on kpi.portfolio and the digital-twin "
                                + "feed on twin.buildings.")
                .define(PORTFOLIO_TIME_ZONE, Type.STRING, PortfolioRules.DEFAULT_ZONE.getId(),
                        ConfigValidators.zoneId(), Importance.LOW,
                        "Time zone of the portfolio periods: they end with the last complete day (yesterday) there.")
                .define(PORTFOLIO_METER_FRESH_MINUTES, Type.INT, PortfolioRules.DEFAULT_FRESH_MINUTES,
                        Range.atLeast(1), Importance.MEDIUM, "A meter counts as fresh (freshMeterShare) and a "
                                + "building as live (liveAreaShare) when its newest data is at most this many minutes "
                                + "old.")
                .define(PORTFOLIO_EMIT_INTERVAL_SECONDS, Type.INT, PortfolioRules.DEFAULT_EMIT_SECONDS,
                        Range.atLeast(1), Importance.LOW, "How often the portfolio indicators are recomputed; only "
                                + "municipalities whose records changed are emitted.")
                .define(PORTFOLIO_RENEWABLE_SHARES, Type.LIST, "", Importance.LOW,
                        "Renewable share of each energy carrier bought, 0..1, e.g. "
                                + "'electricity:0.98,district_heating:0.6'. Unlisted carriers count as not renewable; "
                                + "when empty (and no municipal entry applies), the renewable share (U4SSC EN:E:E:1C) "
                                + "is not reported.")
                .define(PORTFOLIO_RENEWABLE_SHARES_MUNICIPAL, Type.LIST, "", Importance.LOW,
                        "Renewable shares of one municipality's supply where its contracts differ from the default, "
                                + "0..1, as 'municipality/carrier:share', e.g. '3201/electricity:1.0,"
                                + "3201/district_heating:0.85'. Overrides portfolio.renewable.shares for that carrier "
                                + "in that municipality only.")
                .define(PORTFOLIO_YEARLY_MIN_COVERAGE, Type.DOUBLE, PortfolioRules.DEFAULT_YEARLY_MIN_COVERAGE,
                        Range.between(0, 1), Importance.LOW, "Completeness (complete building-days / expected "
                                + "building-days) a whole year needs for its kWh/m2 (U4SSC EN:E:E:4A) to be marked "
                                + "'yearly'; below it the record is marked 'provisional'.")
                .define(COST_TARIFFS_FILE, Type.STRING, "", Importance.MEDIUM,
                        "Path of the tariff file (JSON, docs/COST.md) that turns on the cost stage: "
                                + "kpi.building-cost-hourly, -daily and -monthly from building-hours, "
                                + "prices.day-ahead and the tariffs. Empty: no cost stage. Checked at start; a "
                                + "problem in the file stops the processor.");
    }

    /**
     * The tariffs of {@value #COST_TARIFFS_FILE}, or {@code null} when none is configured (no cost stage).
     *
     * @throws ConfigException naming every problem of the file
     */
    public Tariffs costTariffs() {
        String file = getString(COST_TARIFFS_FILE).trim();
        if (file.isEmpty()) {
            return null;
        }
        try {
            return Tariffs.read(java.nio.file.Path.of(file));
        } catch (Tariffs.TariffException e) {
            throw new ConfigException(COST_TARIFFS_FILE, file, e.getMessage());
        }
    }

    /** The portfolio rules these settings describe. */
    public PortfolioRules portfolioRules() {
        Map<Carrier, Double> shares = new EnumMap<>(Carrier.class);
        for (String entry : getList(PORTFOLIO_RENEWABLE_SHARES)) {
            putShare(shares, PORTFOLIO_RENEWABLE_SHARES, entry, entry);
        }
        Map<String, Map<Carrier, Double>> municipal = new TreeMap<>();
        for (String entry : getList(PORTFOLIO_RENEWABLE_SHARES_MUNICIPAL)) {
            int slash = entry.indexOf('/');
            if (slash < 1) {
                throw new ConfigException(PORTFOLIO_RENEWABLE_SHARES_MUNICIPAL, entry,
                        "expected 'municipality/carrier:share'");
            }
            putShare(municipal.computeIfAbsent(entry.substring(0, slash).trim(), m -> new EnumMap<>(Carrier.class)),
                    PORTFOLIO_RENEWABLE_SHARES_MUNICIPAL, entry, entry.substring(slash + 1));
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(getString(PORTFOLIO_TIME_ZONE));
        } catch (DateTimeException e) {
            throw new ConfigException(PORTFOLIO_TIME_ZONE, getString(PORTFOLIO_TIME_ZONE), e.getMessage());
        }
        return new PortfolioRules(zone, Duration.ofMinutes(getInt(PORTFOLIO_METER_FRESH_MINUTES)),
                Duration.ofSeconds(getInt(PORTFOLIO_EMIT_INTERVAL_SECONDS)), new RenewableShares(shares, municipal),
                degreeDayRules(), getDouble(PORTFOLIO_YEARLY_MIN_COVERAGE));
    }

    /** Adds one {@code carrier:share} to {@code shares}, failing with the setting's name on a bad entry. */
    private void putShare(Map<Carrier, Double> shares, String key, String entry, String carrierShare) {
        String[] parts = pair(key, carrierShare);
        double share = number(key, parts[1]);
        if (share < 0 || share > 1) {
            throw new ConfigException(key, entry, "the share must be between 0 and 1");
        }
        try {
            shares.put(Carrier.fromWire(parts[0]), share);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, entry, e.getMessage());
        }
    }

    /** Whether quarter-hours are built beside the hours. */
    public boolean quarterHoursEnabled() {
        return getBoolean(QUARTER_HOURS_ENABLED);
    }

    /** The follow-up rules these settings describe. */
    public FollowUpRules followUpRules() {
        return FollowUpRules.from(this);
    }

    public boolean followUpEnabled() {
        return getBoolean(FollowUpRules.ENABLED);
    }

    public boolean portfolioEnabled() {
        return getBoolean(PORTFOLIO_ENABLED);
    }

    /** The time zones of the weather locations whose samples the processor turns into daily means. */
    public WeatherZones weatherZones() {
        return WeatherZones.from(this);
    }

    /** The degree-day rules: the defaults overridden by the configured shares and normals. */
    public DegreeDayRules degreeDayRules() {
        DegreeDayRules defaults = DegreeDayRules.defaults();
        Map<BuildingCategory, Double> shares = new EnumMap<>(defaults.shares());
        for (String entry : getList(DEGREE_DAYS_SHARES)) {
            String[] parts = pair(DEGREE_DAYS_SHARES, entry);
            double share = number(DEGREE_DAYS_SHARES, parts[1]);
            if (share < 0 || share > 1) {
                throw new ConfigException(DEGREE_DAYS_SHARES, entry, "the share must be between 0 and 1");
            }
            shares.put(BuildingCategory.fromWire(parts[0]), share);
        }
        Map<String, List<Double>> normals = new TreeMap<>();
        for (String entry : getList(DEGREE_DAYS_NORMALS)) {
            String[] parts = pair(DEGREE_DAYS_NORMALS, entry);
            List<Double> months = Arrays.stream(parts[1].split("/")).map(v -> number(DEGREE_DAYS_NORMALS, v)).toList();
            if (months.size() != 12) {
                throw new ConfigException(DEGREE_DAYS_NORMALS, entry, "needs 12 monthly values separated by '/'");
            }
            normals.put(parts[0], months);
        }
        return new DegreeDayRules(shares, normals, defaults.defaultNormals());
    }

    private static String[] pair(String key, String entry) {
        String[] parts = entry.split(":", 2);
        if (parts.length != 2 || parts[0].isBlank()) {
            throw new ConfigException(key, entry, "expected name:value");
        }
        return new String[] {parts[0].trim(), parts[1].trim()};
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text, "not a number");
        }
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public long commitIntervalMs() {
        return getLong(COMMIT_INTERVAL_MS);
    }

    public long cacheMaxBytes() {
        return getLong(CACHE_MAX_BYTES);
    }

    public int standbyReplicas() {
        return getInt(STANDBY_REPLICAS);
    }

    public boolean inMemoryStores() {
        return "in_memory".equals(getString(STATE_STORE_TYPE));
    }

    public int streamThreads() {
        return getInt(STREAM_THREADS);
    }

    /** The metering rules these settings describe. */
    public MeteringRules meteringRules() {
        return new MeteringRules(Duration.ofHours(getInt(LATENESS_HORIZON_HOURS)),
                Duration.ofSeconds(getInt(POWER_MAX_GAP_SECONDS)),
                Duration.ofSeconds(getInt(REGISTER_INTERPOLATION_SECONDS)), getDouble(ROLLOVER_BAND),
                Duration.ofMillis(getLong(METER_EMIT_INTERVAL_MS)),
                ReadingRulesConfig.rules(this, ReadingRules.DEFAULT_MAX_FUTURE), carrierMaxPower());
    }

    private Map<Carrier, Double> carrierMaxPower() {
        Map<Carrier, Double> limits = new EnumMap<>(Carrier.class);
        for (String entry : getList(METER_DEFAULT_MAX_POWER_KW)) {
            String[] parts = pair(METER_DEFAULT_MAX_POWER_KW, entry);
            double kw = number(METER_DEFAULT_MAX_POWER_KW, parts[1]);
            if (!(kw > 0) || Double.isInfinite(kw)) {
                throw new ConfigException(METER_DEFAULT_MAX_POWER_KW, entry, "the power must be positive and finite");
            }
            try {
                limits.put(Carrier.fromWire(parts[0]), kw);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(METER_DEFAULT_MAX_POWER_KW, entry, e.getMessage());
            }
        }
        return limits;
    }
}
