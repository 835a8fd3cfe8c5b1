package org.straumflyt.processor.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;

/** Computes a building's {@link BuildingContribution} from its registry entry, its days and its meters' activity. */
public final class Contributions {
    private Contributions() {
    }

    /**
     * @param building the registry entry; must name a municipality
     * @param to       the last complete day
     * @param days     the building's days by date; days outside both periods are ignored
     * @param seen     how far the data of the meters attributed to the building reaches
     */
    public static BuildingContribution of(Building building, LocalDate to, Map<LocalDate, DayEnergy> days,
            MetersSeen seen) {
        List<PeriodWindow> windows = PeriodWindow.endingAt(to);
        PeriodWindow ytd = windows.get(0);
        PeriodWindow rolling = windows.get(1);
        EnergySums yearToDate = EnergySums.ZERO;
        EnergySums rolling12 = EnergySums.ZERO;
        for (var day : days.entrySet()) {
            if (ytd.contains(day.getKey())) {
                yearToDate = yearToDate.plus(day.getValue());
            }
            if (rolling.contains(day.getKey())) {
                rolling12 = rolling12.plus(day.getValue());
            }
        }
        return of(building, to, yearToDate, rolling12, seen);
    }

    /**
     * The contribution with sums computed before (only the meters' activity changed since): the days need not be read
     * again.
     */
    public static BuildingContribution of(Building building, LocalDate to, EnergySums yearToDate,
            EnergySums rolling12, MetersSeen seen) {
        int electricityMeters = 0;
        int smartMeters = 0;
        List<Instant> electricityDataUntil = new ArrayList<>();
        Instant dataUntil = null;
        for (MeterSpec meter : building.meters()) {
            Instant until = seen.of(meter.meterId());
            // the metering points: a sub-meter (or virtual meter) behind a main meter is not one (U4SSC EC:ICT:ES:1C)
            if (meter.carrier() == Carrier.ELECTRICITY && meter.meterRole() == MeterRole.MAIN) {
                electricityMeters++;
                smartMeters += meter.smartMeter() ? 1 : 0;
                if (until != null) {
                    electricityDataUntil.add(until);
                }
            }
            if (until != null && (dataUntil == null || until.isAfter(dataUntil))) {
                dataUntil = until;
            }
        }
        return new BuildingContribution(building.buildingId(), building.municipality(), building.category(),
                building.heatedAreaM2(), to, yearToDate, rolling12, electricityMeters, smartMeters,
                building.integratedBuildingManagement(), electricityDataUntil, dataUntil);
    }
}
