package org.straumflyt.simulator.truth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.Building;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterRole;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.fleet.WeatherModel;

/**
 * The energy figures of a simulated municipality's portfolio record for any period that contains every simulated
 * day, computed here from the meters' booked hours, the fleet and the simulated weather (never through the stream
 * processor's classes), as docs/PORTFOLIO.md defines them. The hours from the run's end on are not in the truth
 * (the pipeline estimates the hour after the end from power samples until a register reading settles it), so a run
 * meant for the portfolio ends at local midnight, and holds for periods that end before that day. The figures that depend on the period's length {@code D}
 * — expected building-days, completeness, energy coverage — are methods of {@code D}.
 *
 * @param municipality          municipality number
 * @param firstDay              first local date with data
 * @param lastDay               last local date with data
 * @param buildings             buildings of the municipality
 * @param areaM2                their heated floor area
 * @param importKwh             energy used on every day with data, all carriers
 * @param renewableKwh          Σ over carriers of its renewable share × its energy
 * @param correctedKwh          Σ over buildings of its energy, degree-day-corrected once on the period's sums
 * @param buildingDaysWithData  building-days with at least one booked meter-hour
 * @param completeBuildingDays  of those, the days on which every meter of the building was measured all day
 * @param daysWithTemperature   building-days with data whose temperature the simulator published
 * @param meterDayKwh           Σ over buildings of its energy × the sum of its days' measured share of meter-hours
 *                              (the numerator of the energy coverage, before dividing by {@code D})
 */
public record PortfolioTruth(String municipality, LocalDate firstDay, LocalDate lastDay, int buildings,
        double areaM2, double importKwh, double renewableKwh, double correctedKwh, int buildingDaysWithData,
        int completeBuildingDays, int daysWithTemperature, double meterDayKwh) {
    static final String FILE = "portfolio.csv";
    private static final String HEADER = "municipality,first_day,last_day,buildings,area_m2,import_kwh,"
            + "renewable_kwh,corrected_kwh,building_days_with_data,complete_building_days,days_with_temperature,"
            + "meter_day_kwh";
    /** Degree days are counted below this daily mean temperature (Norwegian practice). */
    private static final double BASE_C = 17.0;
    /** A share this close to 1 is a whole day: the sums of hour fractions are not exact. */
    private static final double WHOLE = 1 - 1e-9;

    /**
     * Computes the truth of {@code municipality} from every booked meter-hour of the run.
     *
     * @param weather the temperatures the simulator published, one for every simulated day
     */
    public static PortfolioTruth of(String municipality, List<SimBuilding> fleet,
            List<GroundTruth.BookedHour> booked, WeatherModel weather, PortfolioAssumptions assumptions) {
        Map<String, SimMeter> meters = new HashMap<>();
        fleet.forEach(b -> b.meters().forEach(m -> meters.put(m.meterId(), m)));
        // building id → local date → {kWh, Σ meter-hour coverage, renewable kWh}
        Map<String, Map<LocalDate, double[]>> days = new TreeMap<>();
        Map<String, Building> buildingsById = new HashMap<>();
        fleet.forEach(b -> buildingsById.put(b.building().buildingId(), b.building()));
        for (GroundTruth.BookedHour h : booked) {
            SimMeter meter = meters.get(h.meterId());
            Building building = buildingsById.get(meter.buildingId());
            if (!municipality.equals(building.municipality())) {
                continue;
            }
            LocalDate date = h.hour().atZone(ZoneId.of(building.timeZone())).toLocalDate();
            double[] day = days.computeIfAbsent(building.buildingId(), k -> new TreeMap<>())
                    .computeIfAbsent(date, k -> new double[3]);
            day[1] += h.coverage();
            if (building.meter(h.meterId()).map(m -> m.meterRole() == MeterRole.SUB).orElse(false)) {
                continue; // a sub-meter's energy is in its main meter's: counted once (its coverage still counts)
            }
            day[0] += h.kwh();
            day[2] += h.kwh() * assumptions.renewableShares().getOrDefault(meter.carrier(), 0.0);
        }
        int buildings = 0;
        double area = 0;
        double importKwh = 0;
        double renewableKwh = 0;
        double correctedKwh = 0;
        int withData = 0;
        int complete = 0;
        double meterDayKwh = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (SimBuilding sb : fleet) {
            Building b = sb.building();
            if (!municipality.equals(b.municipality())) {
                continue;
            }
            buildings++;
            area += b.heatedAreaM2();
            Double f = assumptions.temperatureShares().get(b.category());
            if (f == null) {
                throw new IllegalArgumentException("no temperature-dependent share for category " + b.category());
            }
            ZoneId zone = ZoneId.of(b.timeZone());
            double energy = 0;
            double measuredDays = 0;
            double degreeDays = 0;
            double normalDegreeDays = 0;
            for (var day : days.getOrDefault(b.buildingId(), Map.of()).entrySet()) {
                LocalDate date = day.getKey();
                double[] sums = day.getValue();
                double hoursInDay = Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone))
                        .toHours();
                double measured = Math.min(1, sums[1] / (sb.meters().size() * hoursInDay));
                withData++;
                complete += measured >= WHOLE ? 1 : 0;
                energy += sums[0];
                renewableKwh += sums[2];
                measuredDays += measured;
                degreeDays += Math.max(0, BASE_C - weather.dailyMeanC(b.weatherLocationId(), date));
                normalDegreeDays += assumptions.monthlyNormals().get(date.getMonthValue() - 1) / date.lengthOfMonth();
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
            }
            importKwh += energy;
            meterDayKwh += energy * measuredDays;
            correctedKwh += degreeDays > 0 ? energy * (1 - f) + energy * f * normalDegreeDays / degreeDays : energy;
        }
        return new PortfolioTruth(municipality, first, last, buildings, area, importKwh, renewableKwh, correctedKwh,
                withData, complete, withData, meterDayKwh);
    }

    /** EN:E:E:4A for the period, kWh/m². */
    public double kwhPerM2() {
        return importKwh / areaM2;
    }

    /** EN:E:E:4A degree-day-corrected, kWh/m². */
    public double correctedKwhPerM2() {
        return correctedKwh / areaM2;
    }

    /** EN:E:E:1C, %. */
    public double renewablePercent() {
        return 100.0 * renewableKwh / importKwh;
    }

    /** Building-days with a temperature ÷ building-days with data. */
    public double correctedCoverage() {
        return (double) daysWithTemperature / buildingDaysWithData;
    }

    /** Buildings × the period's days. */
    public long expectedBuildingDays(int periodDays) {
        return (long) buildings * periodDays;
    }

    /** Completeness: complete building-days ÷ expected building-days. */
    public double coverage(int periodDays) {
        return completeBuildingDays / (double) expectedBuildingDays(periodDays);
    }

    /** The measured share of the meter-days, weighted by each building's energy. */
    public double energyCoverage(int periodDays) {
        return meterDayKwh / periodDays / importKwh;
    }

    /** Writes {@code portfolio.csv} into {@code directory}. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(FILE), HEADER + "\n" + String.join(",", municipality,
                firstDay.toString(), lastDay.toString(), String.valueOf(buildings), String.valueOf(areaM2),
                String.valueOf(importKwh), String.valueOf(renewableKwh), String.valueOf(correctedKwh),
                String.valueOf(buildingDaysWithData), String.valueOf(completeBuildingDays),
                String.valueOf(daysWithTemperature), String.valueOf(meterDayKwh)) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote. */
    public static PortfolioTruth read(Path directory) throws IOException {
        String[] f = Files.readAllLines(directory.resolve(FILE), StandardCharsets.UTF_8).get(1).split(",");
        return new PortfolioTruth(f[0], LocalDate.parse(f[1]), LocalDate.parse(f[2]), Integer.parseInt(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                Double.parseDouble(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                Double.parseDouble(f[11]));
    }
}
