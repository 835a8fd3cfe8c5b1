package org.straumflyt.publisher.layout;

import static org.straumflyt.publisher.layout.FieldType.BOOLEAN;
import static org.straumflyt.publisher.layout.FieldType.FLOAT;
import static org.straumflyt.publisher.layout.FieldType.INTEGER;
import static org.straumflyt.publisher.layout.FieldType.STRING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingCost;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Kpi;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;

/**
 * The store layout of every KPI: measurement names, tags, fields and timestamps. The measurement tables of
 * docs/INFLUXDB.md, for dashboard and twin builders, are generated from it (deploy-check's GeneratedDocsTest).
 *
 * <p>Timestamps are the start of the record's period (a UTC hour, or local midnight of the building's time zone for
 * days and months), so that a rewrite of the same key lands on the same point. Tags are stable ids only; everything
 * that changes between revisions is a field. That includes the building of a meter-hour: the stream processor
 * re-emits an hour with its new building when the registry (re)assigns the meter, and as a tag the building would
 * start a second series, leaving the old row beside the new one.
 */
public final class KpiLayouts {
    /** The zone of daily and monthly records that do not name one (the registry's default). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");
    /** The {@code building_id} of meter-hours whose meter the registry does not assign to a building. */
    public static final String UNASSIGNED = BuildingHour.UNASSIGNED;

    public static final Measurement<MeterHour> METER_HOURLY = meterMeasurement("meter_hourly",
            "Energy of one meter register in one UTC hour.", "hour");

    /** Quarter-hours of {@code kpi.meter-quarter-hourly}: the hourly layout; each hour is the sum of its four. */
    public static final Measurement<MeterHour> METER_QUARTER_HOURLY = meterMeasurement("meter_quarter_hourly",
            "Energy of one meter register in one UTC quarter-hour; the hour is exactly the sum of its four.",
            "quarter-hour");

    public static final Measurement<BuildingHour> BUILDING_HOURLY = buildingMeasurement("building_hourly",
            "One building in one UTC hour, all carriers.", "hour");

    public static final Measurement<CarrierRow<BuildingHour>> BUILDING_HOURLY_CARRIER =
            carrierMeasurement("building_hourly_carrier", "One building in one UTC hour, per carrier.",
                    row -> row.kpi().hourStart(), row -> row.kpi().buildingId(), row -> row.kpi().municipality(),
                    row -> category(row.kpi().category()), row -> row.kpi().revision());

    /** Quarter-hours of {@code kpi.building-quarter-hourly}: the hourly layout. */
    public static final Measurement<BuildingHour> BUILDING_QUARTER_HOURLY = buildingMeasurement(
            "building_quarter_hourly", "One building in one UTC quarter-hour, all carriers.", "quarter-hour");

    public static final Measurement<CarrierRow<BuildingHour>> BUILDING_QUARTER_HOURLY_CARRIER =
            carrierMeasurement("building_quarter_hourly_carrier",
                    "One building in one UTC quarter-hour, per carrier.",
                    row -> row.kpi().hourStart(), row -> row.kpi().buildingId(), row -> row.kpi().municipality(),
                    row -> category(row.kpi().category()), row -> row.kpi().revision());

    public static final Measurement<BuildingDaily> BUILDING_DAILY = Measurement.<BuildingDaily>named(
                    "building_daily", "One building on one local date (local midnight of its zone).",
                    d -> dayStart(d.date(), d.timeZone()))
            .tag("building", "building id", BuildingDaily::buildingId)
            .tag("municipality", "municipality number", BuildingDaily::municipality)
            .tag("category", "building category", d -> category(d.category()))
            .field("import_kwh", FLOAT, "kWh", "energy used, all carriers", BuildingDaily::importKwh)
            .field("export_kwh", FLOAT, "kWh", "energy delivered, all carriers", BuildingDaily::exportKwh)
            .field("kwh_per_m2", FLOAT, "kWh/m²", "import_kwh per m² heated floor area", BuildingDaily::kwhPerM2)
            .field("peak_hour_kwh", FLOAT, "kWh", "energy of the day's highest hour (= its mean kW)",
                    d -> peakKwh(d.peakHour()))
            .field("peak_hour_start", STRING, "RFC 3339", "UTC start of the day's highest hour",
                    d -> peakStart(d.peakHour()))
            .field("base_load_kw", FLOAT, "kW", "mean power 00:00-05:00 local time", BuildingDaily::baseLoadKw)
            .field("mean_temperature_c", FLOAT, "°C", "daily mean outdoor temperature",
                    BuildingDaily::meanTemperatureC)
            .field("degree_days", FLOAT, "K·d", "max(0, 17 − mean temperature)", BuildingDaily::degreeDays)
            .field("normal_degree_days", FLOAT, "K·d", "the location's normal degree days for the date",
                    BuildingDaily::normalDegreeDays)
            .field("hours_in_day", INTEGER, "h", "23, 24 or 25", d -> (long) d.hoursInDay())
            .field("hours_with_data", INTEGER, "h", "hours with at least one meter-hour",
                    d -> (long) d.hoursWithData())
            .field("time_zone", STRING, "", "the zone the date is in", d -> zone(d.timeZone()).getId())
            .field("coverage", FLOAT, "1", "mean hourly coverage, 0..1", BuildingDaily::coverage)
            .field("meter_coverage", FLOAT, "1", "measured part of the expected meter-hours; 1 = complete day",
                    BuildingDaily::meterCoverage)
            .field("flags", STRING, "", "quality flags, comma-separated", d -> flags(d.flags()))
            .field("revision", INTEGER, "", "revision of the record", BuildingDaily::revision)
            .build();

    public static final Measurement<CarrierRow<BuildingDaily>> BUILDING_DAILY_CARRIER =
            carrierMeasurement("building_daily_carrier", "One building on one local date, per carrier.",
                    row -> dayStart(row.kpi().date(), row.kpi().timeZone()), row -> row.kpi().buildingId(),
                    row -> row.kpi().municipality(), row -> category(row.kpi().category()),
                    row -> row.kpi().revision());

    public static final Measurement<BuildingMonthly> BUILDING_MONTHLY = Measurement.<BuildingMonthly>named(
                    "building_monthly", "One building in one local month (local midnight of its first day).",
                    m -> monthStart(m.month(), m.timeZone()))
            .tag("building", "building id", BuildingMonthly::buildingId)
            .tag("municipality", "municipality number", BuildingMonthly::municipality)
            .tag("category", "building category", m -> category(m.category()))
            .field("import_kwh", FLOAT, "kWh", "energy used, all carriers", BuildingMonthly::importKwh)
            .field("export_kwh", FLOAT, "kWh", "energy delivered, all carriers", BuildingMonthly::exportKwh)
            .field("kwh_per_m2", FLOAT, "kWh/m²", "import_kwh per m² heated floor area", BuildingMonthly::kwhPerM2)
            .field("peak_hour_kwh", FLOAT, "kWh", "the month's single highest hour (demand charge basis)",
                    m -> peakKwh(m.peakHour()))
            .field("peak_hour_start", STRING, "RFC 3339", "UTC start of that hour", m -> peakStart(m.peakHour()))
            .field("capacity_peak_kw", FLOAT, "kW",
                    "mean of the highest hours of the three highest days (capacity tariff basis)",
                    BuildingMonthly::capacityPeakKw)
            .field("degree_days", FLOAT, "K·d", "sum of the days' degree days", BuildingMonthly::degreeDays)
            .field("normal_degree_days", FLOAT, "K·d", "sum of the days' normal degree days",
                    BuildingMonthly::normalDegreeDays)
            .field("corrected_kwh", FLOAT, "kWh", "energy corrected on the month's degree-day sums",
                    BuildingMonthly::correctedKwh)
            .field("days_with_data", INTEGER, "d", "days with at least one building-hour",
                    m -> (long) m.daysWithData())
            .field("time_zone", STRING, "", "the zone the month is in", m -> zone(m.timeZone()).getId())
            .field("coverage", FLOAT, "1", "mean daily coverage, 0..1", BuildingMonthly::coverage)
            .field("flags", STRING, "", "quality flags, comma-separated", m -> flags(m.flags()))
            .field("revision", INTEGER, "", "revision of the record", BuildingMonthly::revision)
            .build();

    public static final Measurement<CarrierRow<BuildingMonthly>> BUILDING_MONTHLY_CARRIER =
            carrierMeasurement("building_monthly_carrier", "One building in one local month, per carrier.",
                    row -> monthStart(row.kpi().month(), row.kpi().timeZone()), row -> row.kpi().buildingId(),
                    row -> row.kpi().municipality(), row -> category(row.kpi().category()),
                    row -> row.kpi().revision());

    public static final Measurement<PortfolioKpi> PORTFOLIO = Measurement.<PortfolioKpi>named("portfolio",
                    "U4SSC indicators of one municipality's buildings over one period (local midnight of its first "
                            + "day); formulas in docs/PORTFOLIO.md.", p -> dayStart(p.from(), p.timeZone()))
            .tag("municipality", "municipality number", PortfolioKpi::municipality)
            .tag("period", "year_to_date or rolling_12_months", p -> p.period().wireName())
            .field("period_end", STRING, "date", "last day of the period (the last complete day), inclusive",
                    p -> p.to().toString())
            .field("days", INTEGER, "d", "days in the period", p -> (long) p.days())
            .field("buildings", INTEGER, "", "buildings in the registry", p -> (long) p.buildings())
            .field("area_m2", FLOAT, "m²", "their heated floor area", PortfolioKpi::areaM2)
            .field("import_kwh", FLOAT, "kWh", "energy used, all carriers", PortfolioKpi::importKwh)
            .field("export_kwh", FLOAT, "kWh", "on-site production delivered (export registers)",
                    PortfolioKpi::exportKwh)
            .field("corrected_kwh", FLOAT, "kWh", "energy used, degree-day-corrected on each building's period sums",
                    PortfolioKpi::correctedKwh)
            .field("kwh_per_m2", FLOAT, "kWh/m²", "EN:E:E:4A for the period (not annualised)", PortfolioKpi::kwhPerM2)
            .field("corrected_kwh_per_m2", FLOAT, "kWh/m²", "EN:E:E:4A degree-day-corrected",
                    PortfolioKpi::correctedKwhPerM2)
            .field("corrected_coverage", FLOAT, "1", "building-days with a temperature ÷ building-days with data",
                    PortfolioKpi::correctedCoverage)
            .field("annual_basis", STRING, "", "kwh_per_m2 is: yearly, provisional or part_of_year",
                    p -> p.annualBasis().wireName())
            .field("yearly_min_coverage", FLOAT, "1", "coverage a whole year needs to be yearly",
                    PortfolioKpi::yearlyMinCoverage)
            .field("electricity_meters", INTEGER, "", "electricity meters in the registry",
                    p -> (long) p.electricityMeters())
            .field("smart_electricity_meters", INTEGER, "", "of those, smart (AMS) by the registry",
                    p -> (long) p.smartElectricityMeters())
            .field("smart_meter_percent", FLOAT, "%", "EC:ICT:ES:1C", PortfolioKpi::smartMeterPercent)
            .field("integrated_buildings", INTEGER, "", "buildings with integrated building management (registry)",
                    p -> (long) p.integratedBuildings())
            .field("integrated_building_percent", FLOAT, "%", "EC:I:B:2A", PortfolioKpi::integratedBuildingPercent)
            .field("fresh_electricity_meters", INTEGER, "", "electricity meters delivering data within the window",
                    p -> (long) p.freshElectricityMeters())
            .field("fresh_meter_share", FLOAT, "1", "data freshness: fresh ÷ electricity meters",
                    PortfolioKpi::freshMeterShare)
            .field("live_area_m2", FLOAT, "m²", "area of buildings with data within the window",
                    PortfolioKpi::liveAreaM2)
            .field("live_area_share", FLOAT, "1", "data freshness: live area ÷ area", PortfolioKpi::liveAreaShare)
            .field("renewable_kwh", FLOAT, "kWh", "renewable energy consumed (carriers' configured shares)",
                    PortfolioKpi::renewableKwh)
            .field("renewable_percent", FLOAT, "%", "EN:E:E:1C", PortfolioKpi::renewablePercent)
            .field("fresh_within_minutes", INTEGER, "min", "the freshness window",
                    p -> (long) p.freshWithinMinutes())
            .field("expected_building_days", INTEGER, "d", "buildings × days", p -> p.expectedBuildingDays())
            .field("building_days_with_data", INTEGER, "d", "building-days with a daily record",
                    p -> p.buildingDaysWithData())
            .field("complete_building_days", INTEGER, "d", "building-days on which every meter reported all day",
                    p -> p.completeBuildingDays())
            .field("energy_coverage", FLOAT, "1", "measured share of the meter-days, weighted by energy",
                    PortfolioKpi::energyCoverage)
            .field("coverage", FLOAT, "1", "completeness: complete building-days ÷ expected",
                    PortfolioKpi::coverage)
            .field("flags", STRING, "", "quality flags, comma-separated", p -> flags(p.flags()))
            .field("revision", INTEGER, "", "revision of the record", PortfolioKpi::revision)
            .build();

    public static final Measurement<PortfolioCategoryRow> PORTFOLIO_CATEGORY =
            Measurement.<PortfolioCategoryRow>named("portfolio_category",
                            "One building category of a municipality over one period (KOSTRA-style kWh/m²).",
                            row -> dayStart(row.kpi().from(), row.kpi().timeZone()))
                    .tag("municipality", "municipality number", row -> row.kpi().municipality())
                    .tag("period", "year_to_date or rolling_12_months", row -> row.kpi().period().wireName())
                    .tag("category", "building category", row -> category(row.category().category()))
                    .field("buildings", INTEGER, "", "buildings of the category",
                            row -> (long) row.category().buildings())
                    .field("area_m2", FLOAT, "m²", "their heated floor area", row -> row.category().areaM2())
                    .field("import_kwh", FLOAT, "kWh", "energy used", row -> row.category().importKwh())
                    .field("corrected_kwh", FLOAT, "kWh", "degree-day-corrected on each building's period sums",
                            row -> row.category().correctedKwh())
                    .field("kwh_per_m2", FLOAT, "kWh/m²", "for the period", row -> row.category().kwhPerM2())
                    .field("corrected_kwh_per_m2", FLOAT, "kWh/m²", "degree-day-corrected, for the period",
                            row -> row.category().correctedKwhPerM2())
                    .field("coverage", FLOAT, "1", "complete building-days ÷ expected",
                            row -> row.category().coverage())
                    .field("revision", INTEGER, "", "revision of the portfolio record", row -> row.kpi().revision())
                    .build();

    public static final Measurement<BuildingCost> BUILDING_COST_HOURLY = costMeasurement("building_cost_hourly",
            "Electricity cost of one building in one UTC hour (docs/COST.md); capacity and fixed fees are in the "
                    + "month.");
    public static final Measurement<BuildingCost> BUILDING_COST_DAILY = costMeasurement("building_cost_daily",
            "Electricity cost of one building on one local date (local midnight of its zone), the sum of its hours.");
    public static final Measurement<BuildingCost> BUILDING_COST_MONTHLY = costMeasurement("building_cost_monthly",
            "Electricity cost of one building in one local month (local midnight of its first day), with capacity "
                    + "and fixed fees.");

    public static final KpiLayout<MeterHour> METER_HOUR = new KpiLayout<>(MeterHour.class,
            List.of(Projection.single(METER_HOURLY)));
    public static final KpiLayout<BuildingHour> BUILDING_HOUR = new KpiLayout<>(BuildingHour.class,
            List.of(Projection.single(BUILDING_HOURLY),
                    new Projection<>(BUILDING_HOURLY_CARRIER, h -> CarrierRow.of(h, h.carriers()))));
    public static final KpiLayout<MeterHour> METER_QUARTER_HOUR = new KpiLayout<>(MeterHour.class,
            List.of(Projection.single(METER_QUARTER_HOURLY)));
    public static final KpiLayout<BuildingHour> BUILDING_QUARTER_HOUR = new KpiLayout<>(BuildingHour.class,
            List.of(Projection.single(BUILDING_QUARTER_HOURLY),
                    new Projection<>(BUILDING_QUARTER_HOURLY_CARRIER, h -> CarrierRow.of(h, h.carriers()))));
    public static final KpiLayout<BuildingDaily> BUILDING_DAY = new KpiLayout<>(BuildingDaily.class,
            List.of(Projection.single(BUILDING_DAILY),
                    new Projection<>(BUILDING_DAILY_CARRIER, d -> CarrierRow.of(d, d.carriers()))));
    public static final KpiLayout<BuildingMonthly> BUILDING_MONTH = new KpiLayout<>(BuildingMonthly.class,
            List.of(Projection.single(BUILDING_MONTHLY),
                    new Projection<>(BUILDING_MONTHLY_CARRIER, m -> CarrierRow.of(m, m.carriers()))));

    public static final KpiLayout<PortfolioKpi> PORTFOLIO_PERIOD = new KpiLayout<>(PortfolioKpi.class,
            List.of(Projection.single(PORTFOLIO), new Projection<>(PORTFOLIO_CATEGORY, PortfolioCategoryRow::of)));

    /** The three cost topics share one record type; its period picks the measurement. */
    public static final KpiLayout<BuildingCost> BUILDING_COST = new KpiLayout<>(BuildingCost.class,
            List.of(costProjection(BUILDING_COST_HOURLY, BuildingCost.HOUR),
                    costProjection(BUILDING_COST_DAILY, BuildingCost.DAY),
                    costProjection(BUILDING_COST_MONTHLY, BuildingCost.MONTH)));

    private static final List<KpiLayout<?>> ALL = List.of(METER_HOUR, BUILDING_HOUR, BUILDING_DAY, BUILDING_MONTH,
            PORTFOLIO_PERIOD, METER_QUARTER_HOUR, BUILDING_QUARTER_HOUR, BUILDING_COST);
    /** The quarter-hour topics' names without the prefix: their records have the hours' types. */
    private static final Topics UNPREFIXED = Topics.withPrefix("");

    private KpiLayouts() {
    }

    /** Every KPI layout: the hours' before the quarter-hours' (same record types, see {@link #layoutOf}). */
    public static List<KpiLayout<?>> all() {
        return ALL;
    }

    /** Every measurement of every KPI. */
    public static List<Measurement<?>> measurements() {
        return ALL.stream().flatMap(l -> l.measurements().stream()).toList();
    }

    /**
     * The points of one record of the KPI topic {@code topic}: a quarter-hour topic's records go to the quarter-hour
     * measurements (they are of the hours' types), every other record by its type ({@link #points(Kpi)}).
     */
    public static List<KpiPoint> points(String topic, Kpi kpi) {
        if (topic.endsWith(UNPREFIXED.meterQuarterHourly().name())) {
            return METER_QUARTER_HOUR.pointsOf(kpi);
        }
        if (topic.endsWith(UNPREFIXED.buildingQuarterHourly().name())) {
            return BUILDING_QUARTER_HOUR.pointsOf(kpi);
        }
        return points(kpi);
    }

    /** The points of one KPI record (of a topic other than the quarter-hours', see {@link #layoutOf}). */
    public static List<KpiPoint> points(Kpi kpi) {
        for (KpiLayout<?> layout : ALL) {
            if (layout.type().isInstance(kpi)) {
                return layout.pointsOf(kpi);
            }
        }
        throw new IllegalArgumentException("no layout for " + kpi.getClass().getName());
    }

    private static Measurement<MeterHour> meterMeasurement(String name, String description, String bucket) {
        return Measurement.<MeterHour>named(name, description, MeterHour::hourStart)
                .tag("meter", "meter id", MeterHour::meterId)
                .tag("register", "register name, e.g. import or export", MeterHour::register)
                .tag("carrier", "energy carrier, e.g. electricity, district_heating", h -> h.carrier().wireName())
                .field("building_id", STRING, "", "building id from the registry, 'unassigned' when the meter has none",
                        h -> h.buildingId() == null ? UNASSIGNED : h.buildingId())
                .field("energy_kwh", FLOAT, "kWh", "energy in the " + bucket, MeterHour::energyKwh)
                .field("peak_kw", FLOAT, "kW", "highest power sample in the " + bucket
                        + ", when the meter sends power", MeterHour::peakKw)
                .field("coverage", FLOAT, "1", "fraction of the " + bucket + " covered by measurements, 0..1",
                        MeterHour::coverage)
                .field("source", STRING, "", "register, power, interval or none", h -> lower(h.source().name()))
                .field("estimated", BOOLEAN, "", "provisional value, a later revision replaces it",
                        MeterHour::estimated)
                .field("flags", STRING, "", "quality flags, comma-separated, empty when none", h -> flags(h.flags()))
                .field("revision", INTEGER, "", "revision of the record; the point holds the highest",
                        MeterHour::revision)
                .build();
    }

    private static Measurement<BuildingHour> buildingMeasurement(String name, String description, String bucket) {
        return Measurement.<BuildingHour>named(name, description, BuildingHour::hourStart)
                .tag("building", "building id", BuildingHour::buildingId)
                .tag("municipality", "municipality number", BuildingHour::municipality)
                .tag("category", "building category", h -> category(h.category()))
                .field("import_kwh", FLOAT, "kWh", "energy used, all carriers", BuildingHour::importKwh)
                .field("export_kwh", FLOAT, "kWh", "energy delivered, all carriers", BuildingHour::exportKwh)
                .field("kwh_per_m2", FLOAT, "kWh/m²", "import_kwh per m² heated floor area", BuildingHour::kwhPerM2)
                .field("peak_kw", FLOAT, "kW", "highest power sample of any meter", BuildingHour::peakKw)
                .field("meters_reporting", INTEGER, "", "meters with data in this " + bucket,
                        h -> (long) h.metersReporting())
                .field("meters_expected", INTEGER, "", "meters the registry lists", h -> (long) h.metersExpected())
                .field("coverage", FLOAT, "1", "mean coverage of the reporting meters, 0..1", BuildingHour::coverage)
                .field("flags", STRING, "", "quality flags, comma-separated", h -> flags(h.flags()))
                .field("revision", INTEGER, "", "revision of the record", BuildingHour::revision)
                .field("unmetered_kwh", FLOAT, "kWh",
                        "for a building with meter trees: main meters minus the sub-meters directly behind them, all "
                                + "carriers (negative when the sub-meters read more)", KpiLayouts::unmeteredKwh)
                .build();
    }

    private static <V extends Kpi> Measurement<CarrierRow<V>> carrierMeasurement(String name, String description,
            Function<CarrierRow<V>, Instant> time,
            Function<CarrierRow<V>, String> building,
            Function<CarrierRow<V>, String> municipality,
            Function<CarrierRow<V>, String> category,
            Function<CarrierRow<V>, Long> revision) {
        return Measurement.<CarrierRow<V>>named(name, description, time)
                .tag("building", "building id", building)
                .tag("municipality", "municipality number", municipality)
                .tag("category", "building category", category)
                .tag("carrier", "energy carrier", row -> row.carrier().wireName())
                .field("import_kwh", FLOAT, "kWh", "energy used of this carrier", row -> row.energy().importKwh())
                .field("export_kwh", FLOAT, "kWh", "energy delivered of this carrier",
                        row -> row.energy().exportKwh())
                .field("peak_kw", FLOAT, "kW", "highest power seen, when known", row -> row.energy().peakKw())
                .field("revision", INTEGER, "", "revision of the building record", revision)
                .build();
    }

    private static Projection<BuildingCost, BuildingCost> costProjection(Measurement<BuildingCost> measurement,
            String period) {
        return new Projection<>(measurement, c -> period.equals(c.period()) ? List.of(c) : List.of());
    }

    private static Measurement<BuildingCost> costMeasurement(String name, String description) {
        return Measurement.<BuildingCost>named(name, description, BuildingCost::start)
                .tag("building", "building id", BuildingCost::buildingId)
                .tag("municipality", "municipality number", BuildingCost::municipality)
                .field("bidding_zone", STRING, "", "bidding zone of the spot prices, NO1..NO5",
                        c -> c.zone() == null ? null : c.zone().name())
                .field("tariff_version", STRING, "", "the tariff version, <tariff>@<valid from>#<hash>",
                        BuildingCost::tariffVersion)
                .field("import_kwh", FLOAT, "kWh", "electricity used", BuildingCost::importKwh)
                .field("export_kwh", FLOAT, "kWh", "electricity delivered", BuildingCost::exportKwh)
                .field("spot_nok", FLOAT, "NOK", "import at the day-ahead price", BuildingCost::spotNok)
                .field("supplier_nok", FLOAT, "NOK", "supplier mark-up", BuildingCost::supplierNok)
                .field("grid_energy_nok", FLOAT, "NOK", "grid tariff energy component", BuildingCost::gridEnergyNok)
                .field("capacity_nok", FLOAT, "NOK", "grid tariff capacity component (months only, else 0)",
                        BuildingCost::capacityNok)
                .field("fixed_nok", FLOAT, "NOK", "supplier and grid fixed fees (months only, else 0)",
                        BuildingCost::fixedNok)
                .field("taxes_nok", FLOAT, "NOK", "consumption tax and other per-kWh fees", BuildingCost::taxesNok)
                .field("total_nok", FLOAT, "NOK", "sum of the parts, excluding VAT", BuildingCost::totalNok)
                .field("vat_nok", FLOAT, "NOK", "VAT on total_nok", BuildingCost::vatNok)
                .field("export_value_nok", FLOAT, "NOK", "export at the day-ahead price (a credit, not in the total)",
                        BuildingCost::exportValueNok)
                .field("capacity_kw", FLOAT, "kW", "months: the kW the capacity component was set by",
                        BuildingCost::capacityKw)
                .field("prices_complete", BOOLEAN, "", "every market time unit of the period had its price",
                        BuildingCost::pricesComplete)
                .field("coverage", FLOAT, "1", "the energy's coverage, 0..1", BuildingCost::coverage)
                .field("flags", STRING, "", "the energy's quality flags, comma-separated", c -> flags(c.flags()))
                .field("revision", INTEGER, "", "revision of the record", BuildingCost::revision)
                .build();
    }

    static Instant dayStart(LocalDate date, String timeZone) {
        return date.atStartOfDay(zone(timeZone)).toInstant();
    }

    static Instant monthStart(YearMonth month, String timeZone) {
        return month.atDay(1).atStartOfDay(zone(timeZone)).toInstant();
    }

    private static ZoneId zone(String timeZone) {
        return timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : ZoneId.of(timeZone);
    }

    /** The unmetered rest of a building-hour's meter trees, all carriers; none without trees. */
    private static Double unmeteredKwh(BuildingHour h) {
        if (h.breakdown() == null) {
            return null;
        }
        Double sum = null;
        for (var b : h.breakdown().values()) {
            if (b.unmeteredKwh() != null) {
                sum = (sum == null ? 0 : sum) + b.unmeteredKwh();
            }
        }
        return sum;
    }

    private static String category(BuildingCategory category) {
        return category == null ? null : category.wireName();
    }

    private static Double peakKwh(PeakHour peak) {
        return peak == null ? null : peak.kwh();
    }

    private static String peakStart(PeakHour peak) {
        return peak == null ? null : peak.hourStart().toString();
    }

    /** Flags as the store holds them: lower case, comma-separated, in enum order; empty when none. */
    static String flags(Set<QualityFlag> flags) {
        return flags.stream().map(f -> lower(f.name())).collect(Collectors.joining(","));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
