package org.straumflyt.processor.cost;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.BuildingCost;
import org.straumflyt.model.QualityFlag;

/**
 * The hourly costs of one building in one day or month, by hour (internal aggregate of the cost stage): a revised
 * hour replaces its earlier entry, a retracted one is removed, so the period is always the sum of the hours' latest
 * records, summed in time order whatever order they came in. The hours are kept as compact entries (a JSON array
 * each: a month holds up to 745); what names the building, zone and tariff is the last added hour's.
 */
public record CostPeriod(String buildingId, String municipality, BiddingZone zone, String tariffVersion,
        String timeZone, TreeMap<Instant, Entry> hours) {

    public CostPeriod {
        hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
    }

    public static CostPeriod empty() {
        return new CostPeriod(null, null, null, null, null, new TreeMap<>());
    }

    /** One hour's cost, without what the period names once. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Entry(double importKwh, double exportKwh, double spotNok, double supplierNok, double gridEnergyNok,
            double taxesNok, double vatNok, double exportValueNok, boolean pricesComplete, double coverage,
            Set<QualityFlag> flags) {
        static Entry of(BuildingCost hour) {
            return new Entry(hour.importKwh(), hour.exportKwh(), hour.spotNok(), hour.supplierNok(),
                    hour.gridEnergyNok(), hour.taxesNok(), hour.vatNok(), hour.exportValueNok(), hour.pricesComplete(),
                    hour.coverage(), hour.flags());
        }
    }

    public CostPeriod add(BuildingCost hour) {
        TreeMap<Instant, Entry> next = new TreeMap<>(hours);
        next.put(hour.start(), Entry.of(hour));
        return new CostPeriod(hour.buildingId(), hour.municipality(), hour.zone(), hour.tariffVersion(),
                hour.timeZone(), next);
    }

    public CostPeriod retract(BuildingCost hour) {
        TreeMap<Instant, Entry> next = new TreeMap<>(hours);
        if (Entry.of(hour).equals(next.get(hour.start()))) {
            next.remove(hour.start());
        }
        return new CostPeriod(buildingId, municipality, zone, tariffVersion, timeZone, next);
    }

    /** The hours as hourly records (revision 0), in time order. */
    public List<BuildingCost> hourRecords() {
        List<BuildingCost> records = new ArrayList<>(hours.size());
        hours.forEach((start, e) -> records.add(new BuildingCost(buildingId, municipality, zone, tariffVersion,
                timeZone, BuildingCost.HOUR, start, start.plusSeconds(3600), null, null, e.importKwh(),
                e.exportKwh(), e.spotNok(), e.supplierNok(), e.gridEnergyNok(), 0, 0, e.taxesNok(),
                e.spotNok() + e.supplierNok() + e.gridEnergyNok() + e.taxesNok(), e.vatNok(), e.exportValueNok(),
                null, e.pricesComplete(), e.coverage(), e.flags(), 0)));
        return records;
    }
}
