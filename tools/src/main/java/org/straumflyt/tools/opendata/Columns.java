package org.straumflyt.tools.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.straumflyt.model.Carrier;

/** The columns of the published tables, in order; docs/OPEN-DATA.md describes each. */
public final class Columns {
    private Columns() {
    }

    /** Columns of {@code building-kpi-daily.csv/.json}. */
    public static List<Column<DailyRow>> daily() {
        List<Column<DailyRow>> c = new ArrayList<>();
        c.add(new Column<>("building_id", DailyRow::buildingId));
        c.add(new Column<>("building_name", DailyRow::buildingName));
        c.add(new Column<>("category", DailyRow::category));
        c.add(new Column<>("heated_area_m2", DailyRow::heatedAreaM2));
        c.add(new Column<>("date", DailyRow::date));
        c.add(new Column<>("time_zone", DailyRow::timeZone));
        c.add(new Column<>("hours_in_day", DailyRow::hoursInDay));
        c.add(new Column<>("hours_with_data", DailyRow::hoursWithData));
        c.add(new Column<>("import_kwh", DailyRow::importKwh));
        c.addAll(carriers(DailyRow::importByCarrier));
        c.add(new Column<>("export_kwh", DailyRow::exportKwh));
        c.add(new Column<>("kwh_per_m2", DailyRow::kwhPerM2));
        c.add(new Column<>("peak_hour_start", DailyRow::peakHourStart));
        c.add(new Column<>("peak_hour_kwh", DailyRow::peakHourKwh));
        c.add(new Column<>("base_load_kw", DailyRow::baseLoadKw));
        c.add(new Column<>("mean_temperature_c", DailyRow::meanTemperatureC));
        c.add(new Column<>("degree_days", DailyRow::degreeDays));
        c.add(new Column<>("normal_degree_days", DailyRow::normalDegreeDays));
        c.add(new Column<>("coverage", DailyRow::coverage));
        c.add(new Column<>("quality_flags", DailyRow::flags));
        return List.copyOf(c);
    }

    /** Columns of {@code building-kpi-monthly.csv/.json}. */
    public static List<Column<MonthlyRow>> monthly() {
        List<Column<MonthlyRow>> c = new ArrayList<>();
        c.add(new Column<>("building_id", MonthlyRow::buildingId));
        c.add(new Column<>("building_name", MonthlyRow::buildingName));
        c.add(new Column<>("category", MonthlyRow::category));
        c.add(new Column<>("heated_area_m2", MonthlyRow::heatedAreaM2));
        c.add(new Column<>("building_count", MonthlyRow::buildingCount));
        c.add(new Column<>("month", MonthlyRow::month));
        c.add(new Column<>("days_with_data", MonthlyRow::daysWithData));
        c.add(new Column<>("import_kwh", MonthlyRow::importKwh));
        c.addAll(carriers(MonthlyRow::importByCarrier));
        c.add(new Column<>("export_kwh", MonthlyRow::exportKwh));
        c.add(new Column<>("kwh_per_m2", MonthlyRow::kwhPerM2));
        c.add(new Column<>("peak_hour_start", MonthlyRow::peakHourStart));
        c.add(new Column<>("peak_hour_kwh", MonthlyRow::peakHourKwh));
        c.add(new Column<>("capacity_peak_kw", MonthlyRow::capacityPeakKw));
        c.add(new Column<>("degree_days", MonthlyRow::degreeDays));
        c.add(new Column<>("corrected_kwh", MonthlyRow::correctedKwh));
        c.add(new Column<>("coverage", MonthlyRow::coverage));
        c.add(new Column<>("quality_flags", MonthlyRow::flags));
        return List.copyOf(c);
    }

    /** One column per carrier, {@code <carrier>_kwh}: that carrier's energy used, empty when it has none. */
    private static <R> List<Column<R>> carriers(Function<R, java.util.Map<Carrier, Double>> byCarrier) {
        List<Column<R>> columns = new ArrayList<>();
        for (Carrier carrier : Carrier.values()) {
            columns.add(new Column<>(carrier.wireName().toLowerCase(Locale.ROOT) + "_kwh",
                    row -> byCarrier.apply(row).get(carrier)));
        }
        return columns;
    }
}
