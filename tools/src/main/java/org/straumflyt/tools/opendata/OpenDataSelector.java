package org.straumflyt.tools.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.QualityFlag;
import java.time.YearMonth;

/**
 * Chooses what one municipality publishes for one period, applying the privacy rule:
 * <ul>
 *   <li>a building whose registry entry says {@code personalData} never has a daily row and never a row of its own;
 *       its months are summed per category and month with the other personal-data buildings of that category, and
 *       such an aggregate is published only when at least {@code minAggregateBuildings} (never fewer than
 *       {@value #MIN_AGGREGATE_BUILDINGS}) buildings are in it, else it is suppressed;</li>
 *   <li>a KPI record whose building is not in the registry is left out entirely: without the entry its privacy
 *       status is unknown, and the rule fails closed.</li>
 * </ul>
 * Pure: no I/O, so the rule is tested on its own.
 */
public final class OpenDataSelector {
    public static final String AGGREGATE_ID_PREFIX = "aggregate:personal:";
    /** The smallest aggregate that may be published: fewer buildings would let one reveal another's figures. */
    public static final int MIN_AGGREGATE_BUILDINGS = 3;

    private final String municipality;
    private final ExportPeriod period;
    private final int minAggregateBuildings;

    public OpenDataSelector(String municipality, ExportPeriod period, int minAggregateBuildings) {
        this.municipality = Objects.requireNonNull(municipality, "municipality");
        this.period = Objects.requireNonNull(period, "period");
        if (minAggregateBuildings < MIN_AGGREGATE_BUILDINGS) {
            throw new IllegalArgumentException("an aggregate must hold at least " + MIN_AGGREGATE_BUILDINGS
                    + " buildings, got " + minAggregateBuildings);
        }
        this.minAggregateBuildings = minAggregateBuildings;
    }

    public Selection select(KpiSnapshot snapshot) {
        Map<String, Building> registry = snapshot.registry();
        int[] unregistered = {0};
        List<DailyRow> daily = new ArrayList<>();
        for (BuildingDaily day : snapshot.days()) {
            if (!period.contains(day.date()) || !inMunicipality(day.municipality(), registry.get(day.buildingId()))) {
                continue;
            }
            Building building = registry.get(day.buildingId());
            if (building == null) {
                unregistered[0]++;
            } else if (!building.personalData()) {
                daily.add(dailyRow(building, day));
            }
        }
        List<MonthlyRow> monthly = new ArrayList<>();
        Map<GroupKey, List<Member>> personal = new TreeMap<>();
        for (BuildingMonthly month : snapshot.months()) {
            if (!period.containsWhole(month.month())
                    || !inMunicipality(month.municipality(), registry.get(month.buildingId()))) {
                continue;
            }
            Building building = registry.get(month.buildingId());
            if (building == null) {
                unregistered[0]++;
            } else if (building.personalData()) {
                personal.computeIfAbsent(new GroupKey(building.category(), month.month()), k -> new ArrayList<>())
                        .add(new Member(building, month));
            } else {
                monthly.add(monthlyRow(building, month));
            }
        }
        int aggregates = 0;
        int suppressed = 0;
        for (Map.Entry<GroupKey, List<Member>> group : personal.entrySet()) {
            if (group.getValue().size() >= minAggregateBuildings) {
                monthly.add(aggregate(group.getKey(), group.getValue()));
                aggregates++;
            } else {
                suppressed += group.getValue().size();
            }
        }
        daily.sort(Comparator.comparing(DailyRow::buildingId).thenComparing(DailyRow::date));
        monthly.sort(Comparator.comparing(MonthlyRow::buildingId).thenComparing(MonthlyRow::month));
        return new Selection(daily, monthly, personalBuildings(registry), aggregates, suppressed, unregistered[0]);
    }

    /** The record's own municipality decides (it is what the processor stamped); the registry's when it has none. */
    private boolean inMunicipality(String recordMunicipality, Building building) {
        String m = recordMunicipality != null ? recordMunicipality : building == null ? null : building.municipality();
        return municipality.equals(m);
    }

    private int personalBuildings(Map<String, Building> registry) {
        return (int) registry.values().stream()
                .filter(b -> b.personalData() && municipality.equals(b.municipality())).count();
    }

    private static DailyRow dailyRow(Building b, BuildingDaily d) {
        return new DailyRow(b.buildingId(), b.name(), b.category(), area(b), d.date(), d.timeZone(), d.hoursInDay(),
                d.hoursWithData(), imports(d.carriers()), d.importKwh(), d.exportKwh(), d.kwhPerM2(),
                d.peakHour() == null ? null : d.peakHour().hourStart(),
                d.peakHour() == null ? null : d.peakHour().kwh(), d.baseLoadKw(), d.meanTemperatureC(),
                d.degreeDays(), d.normalDegreeDays(), d.coverage(), d.flags());
    }

    private static MonthlyRow monthlyRow(Building b, BuildingMonthly m) {
        return new MonthlyRow(b.buildingId(), b.name(), b.category(), area(b), 1, m.month(), m.daysWithData(),
                imports(m.carriers()), m.importKwh(), m.exportKwh(), m.kwhPerM2(),
                m.peakHour() == null ? null : m.peakHour().hourStart(),
                m.peakHour() == null ? null : m.peakHour().kwh(), m.capacityPeakKw(), m.degreeDays(),
                m.correctedKwh(), m.coverage(), m.flags());
    }

    /**
     * Sums the members. Peaks and degree days are not published for an aggregate: the members' peaks fall in
     * different hours and their weather may differ, so neither sums to a meaningful figure.
     */
    private static MonthlyRow aggregate(GroupKey key, List<Member> members) {
        Map<Carrier, Double> carriers = new EnumMap<>(Carrier.class);
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        Set<String> ids = new HashSet<>();
        double importKwh = 0;
        double exportKwh = 0;
        double area = 0;
        boolean everyAreaKnown = true;
        Double corrected = 0.0;
        double coverage = 0;
        for (Member member : members) {
            BuildingMonthly m = member.month();
            ids.add(m.buildingId());
            imports(m.carriers()).forEach((carrier, kwh) -> carriers.merge(carrier, kwh, Double::sum));
            importKwh += m.importKwh();
            exportKwh += m.exportKwh();
            everyAreaKnown &= member.building().heatedAreaM2() > 0;
            area += member.building().heatedAreaM2();
            corrected = corrected == null || m.correctedKwh() == null ? null : corrected + m.correctedKwh();
            coverage += m.coverage();
            flags.addAll(m.flags());
        }
        Double kwhPerM2 = everyAreaKnown && area > 0 ? importKwh / area : null;
        String name = "Aggregate of " + ids.size() + " buildings with personal data (" + key.category() + ")";
        return new MonthlyRow(AGGREGATE_ID_PREFIX + key.category(), name, key.category(),
                everyAreaKnown ? area : null, ids.size(), key.month(), null, carriers, importKwh, exportKwh, kwhPerM2,
                null, null, null, null, corrected, coverage / members.size(), flags);
    }

    private static Double area(Building b) {
        return b.heatedAreaM2() > 0 ? b.heatedAreaM2() : null;
    }

    private static Map<Carrier, Double> imports(Map<Carrier, CarrierEnergy> carriers) {
        Map<Carrier, Double> imports = new EnumMap<>(Carrier.class);
        carriers.forEach((carrier, energy) -> imports.put(carrier, energy.importKwh()));
        return imports;
    }

    private record GroupKey(BuildingCategory category, YearMonth month) implements Comparable<GroupKey> {
        @Override
        public int compareTo(GroupKey other) {
            int byCategory = category.compareTo(other.category);
            return byCategory != 0 ? byCategory : month.compareTo(other.month);
        }
    }

    private record Member(Building building, BuildingMonthly month) {
    }
}
