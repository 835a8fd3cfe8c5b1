package org.straumflyt.processor.followup;

import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.Topics;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.processor.StateStores;

/**
 * The follow-up application's topology: findings of energy follow-up on {@code alerts}. Like the portfolio
 * application it reads only public topics and runs as an application of its own
 * ({@code <application.id>-followup}), so it can be reset and replayed with other margins without touching the KPI
 * state:
 * <pre>
 * registry.buildings ─────────────────────────┐
 * kpi.building-daily ─▶ by building ───────────┼─▶ repartition by building ─▶ follow-up stage (tick) ─▶ alerts
 * kpi.meter-hourly ─▶ meter data (only news) ──┘
 * </pre>
 * Other sources of findings (the meter trees' sub-meters exceeding their main) join as further streams of
 * {@link FollowUpEvent}s or write {@code alerts} records of their own kind; the kinds and keys are disjoint.
 */
public final class FollowUpTopology {
    public static final String METERS_FORWARDED = "followup-meters-forwarded";
    public static final String BUILDINGS = "followup-buildings";
    public static final String DAYS = "followup-days";
    public static final String ALERTS_EMITTED = "followup-alerts-emitted";

    private final Topics topics;
    private final FollowUpRules rules;
    private final Clock clock;

    public FollowUpTopology(Topics topics, FollowUpRules rules, Clock clock) {
        this.topics = topics;
        this.rules = rules;
        this.clock = clock;
    }

    /** The topology; in-memory stores when {@code properties} choose in-memory DSL stores, else RocksDB. */
    public Topology build(Properties properties) {
        StateStores stores = StateStores.of(properties);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withDefaults(properties))));
        var registry = topics.registryBuildings();
        KStream<String, FollowUpEvent> registryEvents = builder
                .stream(registry.name(), Consumed.with(registry.keySerde(), registry.valueSerde())
                        .withName("followup-registry-source"))
                .mapValues((id, b) -> b == null ? new FollowUpEvent.Removed(id) : new FollowUpEvent.Registered(b),
                        Named.as("followup-registry-event"));
        var daily = topics.buildingDaily();
        KStream<String, FollowUpEvent> days = builder
                .stream(daily.name(), Consumed.with(daily.keySerde(), daily.valueSerde())
                        .withName("followup-building-daily-source"))
                .filter((k, d) -> d != null && !BuildingHour.UNASSIGNED.equals(d.buildingId()),
                        Named.as("followup-day-assigned"))
                .map((k, d) -> KeyValue.pair(d.buildingId(), new FollowUpEvent.Day(d)),
                        Named.as("followup-day-event"));
        var meterHourly = topics.meterHourly();
        builder.addStateStore(stores.keyValue(METERS_FORWARDED, Serdes.String(),
                new JsonSerde<>(MeterHourFilter.Forwarded.class)));
        KStream<String, FollowUpEvent> meters = builder
                .stream(meterHourly.name(), Consumed.with(meterHourly.keySerde(), meterHourly.valueSerde())
                        .withName("followup-meter-hourly-source"))
                .process(() -> new MeterHourFilter(METERS_FORWARDED), Named.as("followup-meter-data"),
                        METERS_FORWARDED);

        builder.addStateStore(stores.keyValue(BUILDINGS, Serdes.String(), new JsonSerde<>(FollowUpBuilding.class)));
        builder.addStateStore(stores.keyValue(DAYS, new JsonSerde<>(BuildingDailyKey.class),
                new JsonSerde<>(FollowUpDay.class)));
        var alerts = topics.alerts();
        builder.addStateStore(stores.keyValue(ALERTS_EMITTED, alerts.keySerde(), alerts.valueSerde()));
        registryEvents
                .merge(days, Named.as("followup-merge-days"))
                .merge(meters, Named.as("followup-merge-meters"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(FollowUpEvent.class))
                        .withName("followup-building-events"))
                .process(() -> new FollowUpStage(rules, clock), Named.as("followup-stage"), BUILDINGS, DAYS,
                        ALERTS_EMITTED)
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));
        return builder.build(properties);
    }

    /** StreamsConfig needs an application id and servers even when only the topology options matter. */
    private static Properties withDefaults(Properties properties) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "followup");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.putAll(properties);
        return p;
    }
}
