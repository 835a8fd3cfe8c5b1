package org.straumflyt.processor;

import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Resolution;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.assignment.MeterAssignment;
import org.straumflyt.processor.assignment.MeterAssignments;
import org.straumflyt.processor.building.BuildingHourStage;
import org.straumflyt.processor.building.BuildingHourView;
import org.straumflyt.processor.calendar.BuildingDayStage;
import org.straumflyt.processor.calendar.BuildingMonthStage;
import org.straumflyt.processor.calendar.DailyView;
import org.straumflyt.processor.calendar.DegreeDayRules;
import org.straumflyt.processor.cost.CostStage;
import org.straumflyt.processor.cost.Tariffs;
import org.straumflyt.processor.engine.MeterStage;
import org.straumflyt.processor.engine.MeteringRules;
import org.straumflyt.processor.input.ReadingsInput;
import org.straumflyt.processor.weather.WeatherDailyTopology;
import org.straumflyt.processor.weather.WeatherZones;

/**
 * The stream processor's topology, built from the topics and the rules, one stage per package:
 * <pre>
 * 1 registry.buildings (table) ─▶ index by meter ─▶ meter-assignments (table)             assignment
 * 2 readings ─▶ decode ─┬─▶ bad: readings.dlq                                              input
 *                       └─▶ readings
 * 3 readings ─▶ join assignment ─┐                                                         engine
 *   meter-assignments changes ───┴─▶ meter stage (hours) ─┬─▶ kpi.meter-hourly
 *                                                         ├─▶ kpi.meter-quarter-hourly (when on)
 *                                                         └─▶ late/failed: readings.dlq
 * 4 kpi.meter-hourly (table) ─▶ group by building+hour ─▶ join registry ─▶ kpi.building-hourly    building
 * 5   ─▶ group by building+local date ─▶ join weather.daily ─▶ kpi.building-daily           calendar
 * 6   ─▶ group by building+local month ─▶ kpi.building-monthly                              calendar
 * 7 weather.samples ─▶ group by location+local date ─▶ mean of hourly means ─▶ weather.daily   weather
 * 8 kpi.meter-quarter-hourly (table) ─▶ as 4, by building+quarter ─▶ kpi.building-quarter-hourly  building
 * 9 building-hours ─▶ join prices.day-ahead by zone+hour ─▶ tariff ─▶ kpi.building-cost-*    cost
 *   (hourly, daily, monthly; only with a tariff file)
 * </pre>
 * Quarter-hours (steps 3 and 8) are on unless {@link #quarterHours(boolean)} turns them off; the hours are the same
 * either way.
 * Grouping KTables hands each aggregate the old value to retract and the new one to add, so revisions are followed
 * exactly. Internal names are explicit so that state and internal topics survive changes of the topology
 * ({@code TopologyUpgradeTest}); the steps are added in this order so that the description does not change either.
 */
public final class KpiTopology {
    private final Topics topics;
    private final MeteringRules rules;
    private final DegreeDayRules degreeDays;
    private final WeatherZones weatherZones;
    private final ProcessorMetrics metrics;
    private final Clock clock;
    private boolean quarterHours = true;
    private final Tariffs tariffs;

    public KpiTopology(Topics topics, MeteringRules rules, DegreeDayRules degreeDays, WeatherZones weatherZones,
            ProcessorMetrics metrics, Clock clock) {
        this(topics, rules, degreeDays, weatherZones, metrics, clock, null);
    }

    private KpiTopology(Topics topics, MeteringRules rules, DegreeDayRules degreeDays, WeatherZones weatherZones,
            ProcessorMetrics metrics, Clock clock, Tariffs tariffs) {
        this.tariffs = tariffs;
        this.topics = topics;
        this.rules = rules;
        this.degreeDays = degreeDays;
        this.weatherZones = weatherZones;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The same topology with the cost stage priced by {@code tariffs}; {@code null} leaves the stage out. */
    public KpiTopology withTariffs(Tariffs costTariffs) {
        KpiTopology withCost = new KpiTopology(topics, rules, degreeDays, weatherZones, metrics, clock, costTariffs);
        withCost.quarterHours = quarterHours;
        return withCost;
    }

    /** With the default degree-day rules and weather zones. */
    public KpiTopology(Topics topics, MeteringRules rules, ProcessorMetrics metrics, Clock clock) {
        this(topics, rules, DegreeDayRules.defaults(), WeatherZones.defaults(), metrics, clock);
    }

    /** Whether to build quarter-hours beside the hours (on by default). */
    public KpiTopology quarterHours(boolean on) {
        this.quarterHours = on;
        return this;
    }

    /**
     * The topology. When {@code properties} choose in-memory DSL stores
     * ({@code dsl.store.suppliers.class = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers}), the processor's own
     * stores are in memory too; otherwise they are RocksDB. Both are backed by changelog topics.
     */
    public Topology build(Properties properties) {
        StateStores stores = StateStores.of(properties);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withDefaults(properties))));
        // 1. the registry, and each meter's entry in it
        KTable<String, Building> buildings = MeterAssignments.buildings(builder, topics, metrics);
        KTable<String, MeterAssignment> assignments = MeterAssignments.addTo(builder, stores, topics, buildings);
        // 2. readings
        KStream<String, Reading> readings = ReadingsInput.addTo(builder, topics, rules.readingRules(), metrics,
                clock);
        // 3. meter-hours
        MeterStage.addTo(builder, stores, topics, Resolution.HOURLY, topics.meterHourly(),
                quarterHours ? topics.meterQuarterHourly() : null, readings, assignments, rules, metrics, clock);
        // 4. building-hours
        KTable<BuildingHourKey, BuildingHourView> hours = BuildingHourStage.addTo(builder, stores, topics,
                buildings);
        // 5. building-days
        KTable<BuildingDailyKey, DailyView> days = BuildingDayStage.addTo(builder, stores, topics, degreeDays,
                hours);
        // 6. building-months
        BuildingMonthStage.addTo(builder, stores, topics, degreeDays, days);
        // 7. weather-days
        WeatherDailyTopology.addTo(builder, topics, weatherZones);
        // 8. building quarter-hours
        if (quarterHours) {
            BuildingHourStage.addQuartersTo(builder, stores, topics, buildings);
        }
        // 9. building cost, when there are tariffs
        if (tariffs != null) {
            CostStage.addTo(builder, stores, topics, tariffs, hours);
        }
        return builder.build(properties);
    }

    /** StreamsConfig needs an application id and servers even when only the topology options matter. */
    private static Properties withDefaults(Properties properties) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.putAll(properties);
        return p;
    }
}
