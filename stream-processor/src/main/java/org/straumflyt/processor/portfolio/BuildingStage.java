package org.straumflyt.processor.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.BuildingTwin;
import org.straumflyt.processor.RevisionStamper.Revisions;
import org.straumflyt.processor.twin.TwinProjection;
import org.straumflyt.processor.twin.TwinState;

/**
 * The per-building stage of the portfolio application, keyed by building id. It keeps each building's registry
 * entry, its days within the periods, how far its meters' data reaches and what the twin shows, and emits
 * <ul>
 * <li>the building's twin record whenever it changes (a tombstone when the building leaves the registry);</li>
 * <li>the contribution of each building that changed — of every building when the last complete day moved on, and
 * after a restart, which forgets what changed.</li>
 * </ul>
 * Contributions are computed on a wall-clock tick of at most a second, at most {@link #CONTRIBUTIONS_PER_TICK} per
 * tick: recomputing a building reads its year of days (milliseconds), and everything a punctuation forwards belongs to
 * one exactly-once transaction, which the broker aborts after {@code transaction.timeout.ms} (10 s in Kafka Streams).
 * A full recomputation of a large registry so spreads over many short ticks instead of one long one.
 */
final class BuildingStage implements Processor<String, BuildingEvent, String, StageOutput> {
    /** Buildings recomputed per tick: about a second of work on a loaded machine. */
    static final int CONTRIBUTIONS_PER_TICK = 100;
    private static final Duration MAX_TICK = Duration.ofSeconds(1);
    private final PortfolioRules rules;
    private final Clock clock;
    private final int perTick;
    private ProcessorContext<String, StageOutput> context;
    private KeyValueStore<String, Building> registry;
    private KeyValueStore<BuildingDailyKey, DayEnergy> days;
    private KeyValueStore<String, MetersSeen> meters;
    private KeyValueStore<String, TwinState> twins;
    private KeyValueStore<String, BuildingTwin> twinsEmitted;
    private Revisions<String, BuildingTwin> twinRevisions;
    private KeyValueStore<String, BuildingContribution> contributions;
    /** Buildings whose contribution may have changed since the last run; in memory, as a restart recomputes all. */
    private final Set<String> changed = new LinkedHashSet<>();
    /** Of those, the ones whose days and registry entry did not change: only their meters' freshness did. */
    private final Set<String> freshnessOnly = new LinkedHashSet<>();
    private LocalDate lastTo;

    BuildingStage(PortfolioRules rules, Clock clock, int perTick) {
        this.rules = rules;
        this.clock = clock;
        this.perTick = perTick;
    }

    @Override
    public void init(ProcessorContext<String, StageOutput> context) {
        this.context = context;
        registry = context.getStateStore(PortfolioTopology.REGISTRY);
        days = context.getStateStore(PortfolioTopology.DAYS);
        meters = context.getStateStore(PortfolioTopology.METERS_SEEN);
        twins = context.getStateStore(PortfolioTopology.TWIN_STATE);
        twinsEmitted = context.getStateStore(PortfolioTopology.TWINS_EMITTED);
        twinRevisions = new Revisions<>(twinsEmitted, BuildingTwin::withRevision, BuildingTwin::revision);
        contributions = context.getStateStore(PortfolioTopology.CONTRIBUTIONS_EMITTED);
        Duration tick = rules.emitInterval().compareTo(MAX_TICK) < 0 ? rules.emitInterval() : MAX_TICK;
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, t -> contribute());
    }

    @Override
    public void process(Record<String, BuildingEvent> record) {
        String buildingId = record.key();
        BuildingEvent event = record.value();
        if (event instanceof BuildingEvent.Registered r) {
            registry.put(buildingId, r.building());
            changedFully(buildingId);
            emitTwin(buildingId);
        } else if (event instanceof BuildingEvent.Removed) {
            registry.delete(buildingId);
            changedFully(buildingId);
            if (twinsEmitted.delete(buildingId) != null) {
                context.forward(new Record<>(buildingId, new StageOutput.Twin(buildingId, null), record.timestamp()));
            }
        } else if (event instanceof BuildingEvent.Hour h) {
            twins.put(buildingId, twinState(buildingId).withHour(h.hour(), clock.instant()));
            emitTwin(buildingId);
        } else if (event instanceof BuildingEvent.Day d) {
            day(buildingId, d.day());
        } else if (event instanceof BuildingEvent.Meter m) {
            MetersSeen before = seen(buildingId);
            MetersSeen after = before.with(m.activity());
            if (after != before) {
                meters.put(buildingId, after);
                if (changed.add(buildingId)) {
                    freshnessOnly.add(buildingId);
                }
            }
        }
    }

    private void day(String buildingId, BuildingDaily day) {
        days.put(day.key(), DayEnergy.of(day));
        LocalDate to = lastCompleteDay();
        if (!day.date().isBefore(PeriodWindow.earliestFrom(to)) && !day.date().isAfter(to)) {
            changedFully(buildingId);
        }
        TwinState before = twinState(buildingId);
        TwinState after = before.withDay(day);
        if (after != before) {
            twins.put(buildingId, after);
            emitTwin(buildingId);
        }
    }

    private void changedFully(String buildingId) {
        changed.add(buildingId);
        freshnessOnly.remove(buildingId);
    }

    private LocalDate lastCompleteDay() {
        return PeriodWindow.lastCompleteDay(clock.instant(), rules.zone());
    }

    private TwinState twinState(String buildingId) {
        TwinState state = twins.get(buildingId);
        return state == null ? TwinState.EMPTY : state;
    }

    private MetersSeen seen(String buildingId) {
        MetersSeen seen = meters.get(buildingId);
        return seen == null ? MetersSeen.NONE : seen;
    }

    /** Emits the twin record of a registered building when it differs from the last one emitted. */
    private void emitTwin(String buildingId) {
        Building building = registry.get(buildingId);
        if (building == null) {
            return;
        }
        BuildingTwin stamped = twinRevisions.stamp(buildingId, TwinProjection.of(building, twinState(buildingId)));
        if (stamped != null) {
            context.forward(new Record<>(buildingId, new StageOutput.Twin(buildingId, stamped),
                    clock.instant().toEpochMilli()));
        }
    }

    /** Sends the contributions that changed, up to the bound; all of them when the last complete day moved on. */
    private void contribute() {
        LocalDate to = lastCompleteDay();
        if (!to.equals(lastTo)) {
            keys(registry).forEach(this::changedFully);
            keys(contributions).forEach(this::changedFully);
            lastTo = to;
        }
        List<String> run = changed.stream().limit(perTick).toList();
        for (String buildingId : run) {
            changed.remove(buildingId);
            contribute(buildingId, to, freshnessOnly.remove(buildingId));
        }
    }

    /**
     * @param sumsKnown whether only the meters' freshness changed since the last contribution, so that its sums hold
     */
    private void contribute(String buildingId, LocalDate to, boolean sumsKnown) {
        long now = clock.instant().toEpochMilli();
        Building building = registry.get(buildingId);
        BuildingContribution before = contributions.get(buildingId);
        if (building == null || building.municipality() == null) {
            if (before != null) {
                contributions.delete(buildingId);
                context.forward(new Record<>(buildingId,
                        new StageOutput.Contribution(before.municipality(), buildingId, null), now));
            }
            return;
        }
        BuildingContribution contribution;
        if (sumsKnown && before != null && before.to().equals(to)) {
            contribution = Contributions.of(building, to, before.yearToDate(), before.rolling12Months(),
                    seen(buildingId));
        } else {
            LocalDate from = PeriodWindow.earliestFrom(to);
            dropDaysBefore(buildingId, from);
            contribution = Contributions.of(building, to, daysOf(buildingId, from, to), seen(buildingId));
        }
        if (contribution.equals(before)) {
            return;
        }
        if (before != null && !before.municipality().equals(contribution.municipality())) {
            context.forward(new Record<>(buildingId,
                    new StageOutput.Contribution(before.municipality(), buildingId, null), now));
        }
        contributions.put(buildingId, contribution);
        context.forward(new Record<>(buildingId,
                new StageOutput.Contribution(contribution.municipality(), buildingId, contribution), now));
    }

    private Map<LocalDate, DayEnergy> daysOf(String buildingId, LocalDate from, LocalDate to) {
        Map<LocalDate, DayEnergy> result = new TreeMap<>();
        // the JSON key sorts by building, then ISO date: one range scan reads exactly the building's days
        try (KeyValueIterator<BuildingDailyKey, DayEnergy> it = days.range(new BuildingDailyKey(buildingId, from),
                new BuildingDailyKey(buildingId, to))) {
            it.forEachRemaining(kv -> result.put(kv.key.date(), kv.value));
        }
        return result;
    }

    /** Days before the earliest period are never read again: keeps the store to about a year per building. */
    private void dropDaysBefore(String buildingId, LocalDate from) {
        List<BuildingDailyKey> old = new ArrayList<>();
        try (KeyValueIterator<BuildingDailyKey, DayEnergy> it = days.range(
                new BuildingDailyKey(buildingId, LocalDate.of(1, 1, 1)),
                new BuildingDailyKey(buildingId, from.minusDays(1)))) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(days::delete);
    }

    private static <V> List<String> keys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
