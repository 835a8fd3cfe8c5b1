package org.straumflyt.processor.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertKey;
import org.straumflyt.model.AlertKind;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;
import org.straumflyt.model.MeterSpec;

/**
 * The follow-up stage, keyed by building id. It keeps each building's registry entry, its days (back to the start
 * of the reference) and its meters' recent hours, and on a wall-clock tick judges every building: the daily
 * detectors for the buildings whose days changed or whose local date moved on (today is never judged: it is not
 * over), the meter detectors for all. Each condition goes through the {@link AlertLedger}, which emits only openings,
 * changes and closings.
 */
final class FollowUpStage implements Processor<String, FollowUpEvent, AlertKey, Alert> {
    /** The daily kinds, one key per building each. */
    static final Set<AlertKind> DAILY = EnumSet.of(AlertKind.ENERGY_ABOVE_EXPECTED, AlertKind.BASE_LOAD_UP,
            AlertKind.NEW_PEAK);
    /** The meter kinds, one key per building and meter each. */
    static final Set<AlertKind> METER = EnumSet.of(AlertKind.METER_SILENT, AlertKind.METER_COVERAGE_LOW);

    /** A date after every stored day whose ISO form still sorts as a date (LocalDate.MAX's '+' would not). */
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private final FollowUpRules rules;
    private final Clock clock;
    private final DailyDetectors daily;
    private final MeterDetectors meters;
    private ProcessorContext<AlertKey, Alert> context;
    private KeyValueStore<String, FollowUpBuilding> buildings;
    private KeyValueStore<BuildingDailyKey, FollowUpDay> days;
    private AlertLedger ledger;
    /** Buildings whose days changed since they were last judged (transient: after a restart all are judged). */
    private final Set<String> dirty = new HashSet<>();
    /** The local date each building's days were last judged on (transient). */
    private final Map<String, LocalDate> judgedOn = new HashMap<>();

    FollowUpStage(FollowUpRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.daily = new DailyDetectors(rules);
        this.meters = new MeterDetectors(rules);
    }

    @Override
    public void init(ProcessorContext<AlertKey, Alert> context) {
        this.context = context;
        this.buildings = context.getStateStore(FollowUpTopology.BUILDINGS);
        this.days = context.getStateStore(FollowUpTopology.DAYS);
        this.ledger = new AlertLedger(context.getStateStore(FollowUpTopology.ALERTS_EMITTED));
        context.schedule(rules.checkInterval(), PunctuationType.WALL_CLOCK_TIME, t -> judgeAll());
    }

    @Override
    public void process(Record<String, FollowUpEvent> record) {
        String id = record.key();
        FollowUpBuilding state = buildings.get(id);
        FollowUpBuilding current = state == null ? FollowUpBuilding.empty() : state;
        Instant now = clock.instant();
        FollowUpEvent event = record.value();
        if (event instanceof FollowUpEvent.Registered r) {
            registered(id, current, r, now);
        } else if (event instanceof FollowUpEvent.Removed) {
            remove(id, current, now);
        } else if (event instanceof FollowUpEvent.Day d) {
            BuildingDaily day = d.day();
            days.put(day.key(), FollowUpDay.of(day));
            FollowUpBuilding facts = current.withDayFacts(day.timeZone() == null ? current.timeZone() : day.timeZone(),
                    day.municipality(), day.category());
            if (state == null || !facts.equals(current)) {
                buildings.put(id, facts);
            }
            dirty.add(id);
        } else if (event instanceof FollowUpEvent.MeterData m) {
            Map<String, MeterTrack> tracks = new TreeMap<>(current.meters());
            MeterTrack track = tracks.getOrDefault(m.meterId(), new MeterTrack(null, null, null));
            tracks.put(m.meterId(), track.with(m.hourStart(), m.coverage()));
            buildings.put(id, current.withMeters(tracks));
        }
    }

    private void registered(String id, FollowUpBuilding current, FollowUpEvent.Registered r, Instant now) {
        Map<String, MeterTrack> tracks = new TreeMap<>(current.meters());
        Set<String> listed = new HashSet<>();
        for (MeterSpec m : r.building().meters()) {
            listed.add(m.meterId());
            tracks.putIfAbsent(m.meterId(), MeterTrack.watched(now));
        }
        // a meter that left the building takes its findings with it
        for (String gone : new ArrayList<>(tracks.keySet())) {
            if (!listed.contains(gone)) {
                tracks.remove(gone);
                closeMeter(id, gone, current, now);
            }
        }
        buildings.put(id, current.withBuilding(r.building()).withMeters(tracks));
        dirty.add(id);
    }

    private void remove(String id, FollowUpBuilding current, Instant now) {
        for (AlertKind kind : DAILY) {
            forward(ledger.apply(new AlertKey(id, kind, null), null, current, now));
        }
        for (String meter : current.meters().keySet()) {
            closeMeter(id, meter, current, now);
        }
        buildings.delete(id);
        deleteDays(id, LAST_DATE);
        dirty.remove(id);
        judgedOn.remove(id);
    }

    private void closeMeter(String id, String meter, FollowUpBuilding current, Instant now) {
        for (AlertKind kind : METER) {
            forward(ledger.apply(new AlertKey(id, kind, meter), null, current, now));
        }
    }

    private void judgeAll() {
        Instant now = clock.instant();
        List<KeyValue<String, FollowUpBuilding>> all = new ArrayList<>();
        try (KeyValueIterator<String, FollowUpBuilding> it = buildings.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, FollowUpBuilding> entry : all) {
            judge(entry.key, entry.value, now);
        }
        dirty.clear();
    }

    private void judge(String id, FollowUpBuilding building, Instant now) {
        String label = building.label(id);
        Map<String, MeterTrack> pruned = new TreeMap<>();
        for (Map.Entry<String, MeterTrack> m : building.meters().entrySet()) {
            MeterTrack track = m.getValue().pruned(now.minus(rules.meterHours()).minusSeconds(3600));
            pruned.put(m.getKey(), track);
            Condition c = meters.evaluate(label, m.getKey(), track, now);
            for (AlertKind kind : METER) {
                forward(ledger.apply(new AlertKey(id, kind, m.getKey()), c != null && c.kind() == kind ? c : null,
                        building, now));
            }
        }
        if (!pruned.equals(building.meters())) {
            buildings.put(id, building.withMeters(pruned));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(building.zone()));
        if (!dirty.contains(id) && today.equals(judgedOn.get(id))) {
            return;
        }
        judgedOn.put(id, today);
        LocalDate yesterday = today.minusDays(1);
        LocalDate from = daily.referencePeriod(yesterday)[0];
        LocalDate rolling = yesterday.minusDays(FollowUpRules.REFERENCE_DAYS + FollowUpRules.REFERENCE_GAP_DAYS);
        LocalDate keepFrom = from.isBefore(rolling) ? from : rolling;
        deleteDays(id, keepFrom);
        List<FollowUpDay> past = new ArrayList<>();
        // the JSON key sorts by building, then ISO date: one range scan reads exactly the building's days
        try (KeyValueIterator<BuildingDailyKey, FollowUpDay> it = days.range(new BuildingDailyKey(id, keepFrom),
                new BuildingDailyKey(id, yesterday))) {
            it.forEachRemaining(kv -> past.add(kv.value));
        }
        List<Condition> conditions = daily.evaluate(label, past);
        for (AlertKind kind : DAILY) {
            Condition c = conditions.stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
            forward(ledger.apply(new AlertKey(id, kind, null), c, building, now));
        }
    }

    private void deleteDays(String id, LocalDate before) {
        List<BuildingDailyKey> old = new ArrayList<>();
        try (KeyValueIterator<BuildingDailyKey, FollowUpDay> it = days.range(new BuildingDailyKey(id, LocalDate.MIN),
                new BuildingDailyKey(id, before.minusDays(1)))) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(days::delete);
    }

    private void forward(Alert alert) {
        if (alert != null) {
            context.forward(new Record<>(alert.key(), alert, clock.millis()));
        }
    }
}
