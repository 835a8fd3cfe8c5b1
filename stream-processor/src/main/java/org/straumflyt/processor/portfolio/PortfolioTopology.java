package org.straumflyt.processor.portfolio;

import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.StateStores;
import org.straumflyt.processor.twin.TwinState;

/**
 * The portfolio application's topology: U4SSC indicators per municipality ({@code kpi.portfolio}) and the
 * digital-twin feed ({@code twin.buildings}). It reads only public topics, so it runs beside the KPI topology as an
 * application of its own and does not depend on that topology's internals:
 * <pre>
 * registry.buildings ──────────────────────────┐
 * kpi.building-hourly ─▶ by building ───────────┤
 * kpi.building-daily ─▶ by building ────────────┼─▶ repartition by building ─▶ building stage ─┬─▶ twin.buildings
 * kpi.meter-hourly ─▶ meter activity (changes) ─┘                                               │
 *      contributions ─▶ repartition by municipality ─▶ municipality stage (every interval) ─▶ kpi.portfolio
 * </pre>
 */
public final class PortfolioTopology {
    public static final String METER_ACTIVITY = "portfolio-meter-activity";
    public static final String REGISTRY = "portfolio-registry";
    public static final String DAYS = "portfolio-days";
    public static final String METERS_SEEN = "portfolio-meters-seen";
    public static final String TWIN_STATE = "twin-state";
    public static final String TWINS_EMITTED = "twin-emitted";
    public static final String CONTRIBUTIONS_EMITTED = "portfolio-contributions-emitted";
    public static final String MUNICIPALITY_CONTRIBUTIONS = "portfolio-municipality-contributions";
    public static final String PORTFOLIO_EMITTED = "portfolio-emitted";

    private final Topics topics;
    private final PortfolioRules rules;
    private final PortfolioMetrics metrics;
    private final Clock clock;
    private final int contributionsPerTick;

    public PortfolioTopology(Topics topics, PortfolioRules rules, PortfolioMetrics metrics, Clock clock) {
        this(topics, rules, metrics, clock, BuildingStage.CONTRIBUTIONS_PER_TICK);
    }

    /** With another bound on the buildings recomputed per tick of the building stage (tests). */
    PortfolioTopology(Topics topics, PortfolioRules rules, PortfolioMetrics metrics, Clock clock,
            int contributionsPerTick) {
        this.topics = topics;
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
        this.contributionsPerTick = contributionsPerTick;
    }

    /** The topology; in-memory stores when {@code properties} choose in-memory DSL stores, else RocksDB. */
    public Topology build(Properties properties) {
        StateStores stores = StateStores.of(properties);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withDefaults(properties))));
        JsonSerde<BuildingEvent> eventSerde = new JsonSerde<>(BuildingEvent.class);

        var registry = topics.registryBuildings();
        KStream<String, BuildingEvent> registryEvents = builder
                .stream(registry.name(), Consumed.with(registry.keySerde(), registry.valueSerde())
                        .withName("portfolio-registry-source"))
                .mapValues((id, b) -> b == null ? new BuildingEvent.Removed(id) : new BuildingEvent.Registered(b),
                        Named.as("portfolio-registry-event"));
        var hourly = topics.buildingHourly();
        KStream<String, BuildingEvent> hours = builder
                .stream(hourly.name(), Consumed.with(hourly.keySerde(), hourly.valueSerde())
                        .withName("portfolio-building-hourly-source"))
                .filter((k, h) -> h != null && !BuildingHour.UNASSIGNED.equals(h.buildingId()),
                        Named.as("portfolio-hour-assigned"))
                .map((k, h) -> KeyValue.pair(h.buildingId(), new BuildingEvent.Hour(h)),
                        Named.as("portfolio-hour-event"));
        var daily = topics.buildingDaily();
        KStream<String, BuildingEvent> days = builder
                .stream(daily.name(), Consumed.with(daily.keySerde(), daily.valueSerde())
                        .withName("portfolio-building-daily-source"))
                .filter((k, d) -> d != null && !BuildingHour.UNASSIGNED.equals(d.buildingId()),
                        Named.as("portfolio-day-assigned"))
                .map((k, d) -> KeyValue.pair(d.buildingId(), new BuildingEvent.Day(d)),
                        Named.as("portfolio-day-event"));
        var meterHourly = topics.meterHourly();
        builder.addStateStore(stores.keyValue(METER_ACTIVITY, Serdes.String(),
                new JsonSerde<>(MeterActivity.class)));
        KStream<String, BuildingEvent> meters = builder
                .stream(meterHourly.name(), Consumed.with(meterHourly.keySerde(), meterHourly.valueSerde())
                        .withName("portfolio-meter-hourly-source"))
                .process(() -> new MeterActivityFilter(METER_ACTIVITY, rules.freshnessStep()),
                        Named.as("portfolio-meter-activity"),
                        METER_ACTIVITY);

        addBuildingStores(builder, stores);
        KStream<String, StageOutput> outputs = registryEvents
                .merge(hours, Named.as("portfolio-merge-hours"))
                .merge(days, Named.as("portfolio-merge-days"))
                .merge(meters, Named.as("portfolio-merge-meters"))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName("portfolio-building-events"))
                .process(() -> new BuildingStage(rules, clock, contributionsPerTick), Named.as("portfolio-building-stage"),
                        REGISTRY, DAYS,
                        METERS_SEEN, TWIN_STATE, TWINS_EMITTED, CONTRIBUTIONS_EMITTED);

        var twins = topics.twinBuildings();
        var portfolio = topics.portfolio();
        builder.addStateStore(stores.keyValue(MUNICIPALITY_CONTRIBUTIONS,
                new JsonSerde<>(MunicipalityBuildingKey.class), new JsonSerde<>(BuildingContribution.class)));
        builder.addStateStore(stores.keyValue(PORTFOLIO_EMITTED, portfolio.keySerde(),
                portfolio.valueSerde()));
        outputs.split(Named.as("portfolio-output-"))
                .branch((k, v) -> v instanceof StageOutput.Twin, Branched.withConsumer(twin -> twin
                        .map((k, v) -> KeyValue.pair(k, ((StageOutput.Twin) v).twin()), Named.as("twin-value"))
                        .peek((k, v) -> metrics.twinEmitted(), Named.as("twin-count"))
                        .to(twins.name(), Produced.with(twins.keySerde(), twins.valueSerde())
                                .withName("twin-buildings-sink")), "twin"))
                .defaultBranch(Branched.withConsumer(contributions -> contributions
                        .map((k, v) -> {
                            var c = (StageOutput.Contribution) v;
                            return KeyValue.pair(c.municipality(), new ContributionChange(c.buildingId(),
                                    c.contribution()));
                        }, Named.as("portfolio-contribution-key"))
                        .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(ContributionChange.class))
                                .withName("portfolio-contributions"))
                        .process(() -> new MunicipalityStage(rules, clock, metrics),
                                Named.as("portfolio-municipality-stage"), MUNICIPALITY_CONTRIBUTIONS,
                                PORTFOLIO_EMITTED)
                        .to(portfolio.name(), Produced.with(portfolio.keySerde(), portfolio.valueSerde())
                                .withName("portfolio-sink")), "contribution"));
        return builder.build(properties);
    }

    private void addBuildingStores(StreamsBuilder builder, StateStores stores) {
        builder.addStateStore(stores.keyValue(REGISTRY, Serdes.String(), topics.registryBuildings().valueSerde()));
        builder.addStateStore(stores.keyValue(DAYS, new JsonSerde<>(BuildingDailyKey.class),
                new JsonSerde<>(DayEnergy.class)));
        builder.addStateStore(stores.keyValue(METERS_SEEN, Serdes.String(), new JsonSerde<>(MetersSeen.class)));
        builder.addStateStore(stores.keyValue(TWIN_STATE, Serdes.String(), new JsonSerde<>(TwinState.class)));
        builder.addStateStore(stores.keyValue(TWINS_EMITTED, Serdes.String(), topics.twinBuildings().valueSerde()));
        builder.addStateStore(stores.keyValue(CONTRIBUTIONS_EMITTED, Serdes.String(),
                new JsonSerde<>(BuildingContribution.class)));
    }

    /** StreamsConfig needs an application id and servers even when only the topology options matter. */
    private static Properties withDefaults(Properties properties) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "portfolio");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.putAll(properties);
        return p;
    }
}
