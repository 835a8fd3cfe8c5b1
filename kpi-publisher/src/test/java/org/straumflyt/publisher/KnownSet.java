package org.straumflyt.publisher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingHour;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.CarrierEnergy;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Topics;

/**
 * A known set of KPI records of every kind, with ids unique to one test run so that tests can share one QuestDB.
 * Values are chosen to be distinct per record, so a misplaced value shows.
 */
record KnownSet(String run, List<MeterHour> meterHours, List<BuildingHour> buildingHours,
        List<BuildingDaily> buildingDays, List<BuildingMonthly> buildingMonths) {

    static final Instant FIRST_HOUR = Instant.parse("2025-03-10T00:00:00Z");

    static KnownSet of(String run, int meters, int hours) {
        List<MeterHour> meterHours = new ArrayList<>();
        for (int m = 0; m < meters; m++) {
            for (int h = 0; h < hours; h++) {
                meterHours.add(new MeterHour(meter(run, m), "import", Carrier.ELECTRICITY, building(run, m % 2),
                        FIRST_HOUR.plus(h, ChronoUnit.HOURS), m * 100 + h + 0.125, h % 3 == 0 ? null : h + 0.5,
                        1.0 - h / 1000.0, EnergySource.REGISTER, h % 5 == 0 ? Set.of(QualityFlag.GAP) : Set.of(), 1));
            }
        }
        List<BuildingHour> buildingHours = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < hours; h++) {
                double heat = b * 10 + h + 0.25;
                double power = b * 10 + h + 0.75;
                buildingHours.add(new BuildingHour(building(run, b), "3024", BuildingCategory.SCHOOL,
                        FIRST_HOUR.plus(h, ChronoUnit.HOURS),
                        Map.of(Carrier.ELECTRICITY, new CarrierEnergy(power, 0.5, 7.0),
                                Carrier.DISTRICT_HEATING, new CarrierEnergy(heat, 0, null)),
                        heat + power, 0.5, (heat + power) / 1000, 7.0, 2, 3, 0.9,
                        EnumSet.of(QualityFlag.MISSING_METERS), 2));
            }
        }
        List<BuildingDaily> days = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            days.add(new BuildingDaily(building(run, b), "3024", BuildingCategory.SCHOOL, LocalDate.of(2025, 3, 10),
                    "Europe/Oslo", 24, 20, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(100 + b, 1, 9.0)),
                    100 + b, 1, 0.1, new PeakHour(FIRST_HOUR.plus(8, ChronoUnit.HOURS), 9.5), 2.5, -3.5, 20.5,
                    12.26 + b, 0.8, 0.7, Set.of(), 4));
        }
        List<BuildingMonthly> months = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            months.add(new BuildingMonthly(building(run, b), "3024", BuildingCategory.SCHOOL, YearMonth.of(2025, 3),
                    null, 10, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(3000 + b, 10, 12.0),
                            Carrier.DISTRICT_HEATING, new CarrierEnergy(500, 0, null)),
                    3500 + b, 10, 3.5, new PeakHour(FIRST_HOUR.plus(8, ChronoUnit.HOURS), 12.5),
                    List.of(new PeakHour(FIRST_HOUR.plus(8, ChronoUnit.HOURS), 12.5)), 11.25, 300.0, 122.6, 3400.0, 0.7,
                    Set.of(QualityFlag.GAP), 7));
        }
        return new KnownSet(run, meterHours, buildingHours, days, months);
    }

    static String meter(String run, int m) {
        return "m" + m + "-" + run;
    }

    static String building(String run, int b) {
        return "b" + b + "-" + run;
    }

    /** Sends every record of the set to its topic. */
    void send(KpiRecords producer, Topics topics) {
        producer.sendValues(topics.meterHourly(), meterHours, MeterHour::key);
        producer.sendValues(topics.buildingHourly(), buildingHours, BuildingHour::key);
        producer.sendValues(topics.buildingDaily(), buildingDays, BuildingDaily::key);
        producer.sendValues(topics.buildingMonthly(), buildingMonths, BuildingMonthly::key);
    }

    /** Every point the set yields. */
    int points() {
        return meterHours.size() + buildingHours.size() * 3 + buildingDays.size() * 2 + buildingMonths.size() * 3;
    }

    /** A filter on this run's rows of a table. */
    String where(String idColumn) {
        return " where " + idColumn + " like '%-" + run + "'";
    }
}
