package org.straumflyt.processor.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.PortfolioKey;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.processor.RevisionStamper.Revisions;

/**
 * The per-municipality stage, keyed by municipality: keeps each building's latest contribution and, on a wall-clock
 * schedule, computes every municipality's records and emits those that changed (with the previous revision + 1).
 * Freshness depends on the time, so each run recomputes all municipalities of the task — a sum over their buildings,
 * cheap next to reading the days — and the comparison with the last record keeps unchanged ones off the topic.
 * A municipality whose buildings were not all recomputed for the same last complete day yet (just after midnight)
 * waits for the next run rather than mixing periods.
 */
final class MunicipalityStage implements Processor<String, ContributionChange, PortfolioKey, PortfolioKpi> {
    private final PortfolioCalculator calculator;
    private final PortfolioRules rules;
    private final Clock clock;
    private final PortfolioMetrics metrics;
    private ProcessorContext<PortfolioKey, PortfolioKpi> context;
    private KeyValueStore<MunicipalityBuildingKey, BuildingContribution> contributions;
    private Revisions<PortfolioKey, PortfolioKpi> revisions;

    MunicipalityStage(PortfolioRules rules, Clock clock, PortfolioMetrics metrics) {
        this.rules = rules;
        this.calculator = new PortfolioCalculator(rules);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<PortfolioKey, PortfolioKpi> context) {
        this.context = context;
        contributions = context.getStateStore(PortfolioTopology.MUNICIPALITY_CONTRIBUTIONS);
        KeyValueStore<PortfolioKey, PortfolioKpi> emitted = context.getStateStore(PortfolioTopology.PORTFOLIO_EMITTED);
        revisions = new Revisions<>(emitted, PortfolioKpi::withRevision, PortfolioKpi::revision);
        context.schedule(rules.emitInterval(), PunctuationType.WALL_CLOCK_TIME, t -> emitChanged());
    }

    @Override
    public void process(Record<String, ContributionChange> record) {
        ContributionChange change = record.value();
        MunicipalityBuildingKey key = new MunicipalityBuildingKey(record.key(), change.buildingId());
        if (change.contribution() == null) {
            contributions.delete(key);
        } else {
            contributions.put(key, change.contribution());
        }
    }

    private void emitChanged() {
        Instant now = clock.instant();
        for (var municipality : byMunicipality().entrySet()) {
            List<BuildingContribution> buildings = municipality.getValue();
            LocalDate to = buildings.get(0).to();
            if (buildings.stream().anyMatch(c -> !c.to().equals(to))) {
                continue;
            }
            for (PeriodWindow window : PeriodWindow.endingAt(to)) {
                emitIfChanged(calculator.compute(municipality.getKey(), window, buildings, now));
            }
        }
    }

    private Map<String, List<BuildingContribution>> byMunicipality() {
        Map<String, List<BuildingContribution>> result = new TreeMap<>();
        try (KeyValueIterator<MunicipalityBuildingKey, BuildingContribution> it = contributions.all()) {
            it.forEachRemaining(kv -> result.computeIfAbsent(kv.key.municipality(), m -> new ArrayList<>())
                    .add(kv.value));
        }
        return result;
    }

    private void emitIfChanged(PortfolioKpi kpi) {
        PortfolioKpi stamped = revisions.stamp(kpi.key(), kpi);
        if (stamped == null) {
            return;
        }
        metrics.portfolioEmitted();
        context.forward(new Record<>(stamped.key(), stamped, clock.millis()));
    }
}
