package org.straumflyt.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** One realistic example of every record that travels on a public topic. */
public final class Samples {
    public static final Instant HOUR = Instant.parse("2026-11-23T06:00:00Z");

    private Samples() {
    }

    static Reading reading() {
        return Reading.register("7359992890000000", "import", 412345.678, Instant.parse("2026-11-23T06:00:00.250Z"),
                        Carrier.ELECTRICITY)
                .withBuildingId("baerum-skole-17")
                .withOrigin(new Origin("ams/a4cf12f0c2ee/data", "ams", Instant.parse("2026-11-23T06:00:01.012Z")));
    }

    static Reading intervalReading() {
        return Reading.interval("fv-1001", "import", 12.5, HOUR, HOUR.plusSeconds(900), Carrier.DISTRICT_HEATING);
    }

    static DeadLetter deadLetter() {
        return DeadLetter.fromMqtt("ingest-mqtt", DeadLetterReason.UNKNOWN_UNIT, "SenML unit 'BTU' is not J, Wh, kWh or W",
                "senml/dev-7/data", "[{\"n\":\"e\",\"u\":\"BTU\",\"v\":1}]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Instant.parse("2026-11-23T06:00:01Z"));
    }

    static Building building() {
        return new Building("baerum-skole-17", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 5400.0, "Europe/Oslo",
                new GeoLocation(59.918, 10.589), "baerum", false,
                List.of(new MeterSpec("7359992890000000", Carrier.ELECTRICITY, List.of("import", "export"), 1_000_000.0,
                                400.0, true),
                        MeterSpec.of("fv-1001", Carrier.DISTRICT_HEATING)), true, BiddingZone.NO1, "naering-liten");
    }

    static WeatherDaily weather() {
        return new WeatherDaily("baerum", LocalDate.of(2026, 11, 23), -3.4);
    }

    static WeatherDaily weatherFromSamples() {
        return new WeatherDaily("baerum", LocalDate.of(2026, 11, 23), -3.45, 23);
    }

    static DayAheadPrice dayAheadPrice() {
        // 92.48 EUR/MWh at 11.7125 NOK/EUR = 1.08318... NOK/kWh
        return new DayAheadPrice(BiddingZone.NO1, Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:15:00Z"), 92.48 * 11.7125 / 1000, 92.48, "EUR", "MWh", 11.7125,
                LocalDate.of(2026, 11, 23));
    }

    static BuildingCost buildingCostHour() {
        return new BuildingCost("baerum-skole-17", "3201", BiddingZone.NO1, "naering-liten@2026-01-01#3f9a1c2e",
                "Europe/Oslo", BuildingCost.HOUR, HOUR, HOUR.plusSeconds(3600), null, null, 23.45, 1.5, 25.4, 0.469,
                9.38, 0, 0, 3.172785, 38.421785, 9.60544625, 1.62, null, true, 1.0, EnumSet.noneOf(QualityFlag.class),
                1);
    }

    static BuildingCost buildingCostMonth() {
        return new BuildingCost("baerum-skole-17", "3201", BiddingZone.NO1, "naering-liten@2026-01-01#3f9a1c2e",
                "Europe/Oslo", BuildingCost.MONTH, Instant.parse("2026-01-31T23:00:00Z"),
                Instant.parse("2026-02-28T23:00:00Z"), null, YearMonth.of(2026, 2), 9968.0, 5.0, 11422.4, 199.36,
                3635.2, 1000.0, 350.0, 1348.6704, 17955.6304, 4488.9076, 5.0, 46.0, true, 1.0,
                EnumSet.noneOf(QualityFlag.class), 672);
    }

    static WeatherSample weatherSample() {
        return new WeatherSample("baerum", Instant.parse("2026-11-23T06:00:10Z"), -3.5,
                new Origin("tele/ute-baerum/SENSOR", "tasmota-temperature", Instant.parse("2026-11-23T06:00:10.120Z")));
    }

    public static MeterHour meterHour() {
        return new MeterHour("7359992890000000", "import", Carrier.ELECTRICITY, "baerum-skole-17", HOUR, 23.45, 31.2,
                1.0, EnergySource.REGISTER, EnumSet.of(QualityFlag.RESET), 2);
    }

    static BuildingHour buildingHour() {
        return new BuildingHour("baerum-skole-17", "3201", BuildingCategory.SCHOOL, HOUR,
                Map.of(Carrier.ELECTRICITY, new CarrierEnergy(23.45, 1.5, 31.2),
                        Carrier.DISTRICT_HEATING, new CarrierEnergy(80.0, 0, null)),
                103.45, 1.5, 103.45 / 5400, 31.2, 2, 2, 1.0, EnumSet.noneOf(QualityFlag.class), 1);
    }

    static BuildingDaily buildingDaily() {
        return new BuildingDaily("baerum-skole-17", "3201", BuildingCategory.SCHOOL, LocalDate.of(2026, 3, 29),
                "Europe/Oslo", 23, 23, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(812.0, 0, 64.0)), 812.0, 0,
                812.0 / 5400, new PeakHour(Instant.parse("2026-03-29T08:00:00Z"), 61.0), 12.4, 2.5, 14.5, 12.26, 1.0,
                1.0, EnumSet.of(QualityFlag.ESTIMATED), 3);
    }

    static BuildingMonthly buildingMonthly() {
        return new BuildingMonthly("baerum-skole-17", "3201", BuildingCategory.SCHOOL, YearMonth.of(2026, 11),
                "Europe/Oslo", 23, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(18_500.0, 12.0, 70.0)), 18_500.0,
                12.0, 18_500.0 / 5400, new PeakHour(Instant.parse("2026-11-18T07:00:00Z"), 66.0),
                List.of(new PeakHour(Instant.parse("2026-11-18T07:00:00Z"), 66.0),
                        new PeakHour(Instant.parse("2026-11-12T07:00:00Z"), 64.5),
                        new PeakHour(Instant.parse("2026-11-20T08:00:00Z"), 63.0)),
                64.5, 410.0, 480.0, 20_395.1, 0.98, EnumSet.noneOf(QualityFlag.class), 40);
    }

    static PortfolioKpi portfolio() {
        return new PortfolioKpi("3201", PortfolioPeriod.ROLLING_12_MONTHS, LocalDate.of(2025, 11, 23),
                LocalDate.of(2026, 11, 22), "Europe/Oslo", 365, 3, 9000.0, 1_080_000.0, 4_000.0, 1_050_000.0,
                120.0, 116.7, 0.95, AnnualBasis.YEARLY, 0.95, 4, 3, 75.0, 1, 100.0 / 3, 3, 0.75, 6000.0, 2.0 / 3, 120,
                700_000.0, 700_000.0 / 1_080_000.0 * 100, 1095, 1090, 1085, 0.996,
                List.of(new PortfolioCategory(BuildingCategory.SCHOOL, 2, 6000.0, 780_000.0, 760_000.0, 130.0,
                                126.7, 1.0),
                        new PortfolioCategory(BuildingCategory.OFFICE, 1, 3000.0, 300_000.0, 290_000.0, 100.0, 96.7,
                                1085.0 / 1095)),
                1085.0 / 1095, EnumSet.of(QualityFlag.GAP), 7);
    }

    static BuildingTwin twin() {
        return new BuildingTwin("baerum-skole-17", "Bekkestua skole", "3201", BuildingCategory.SCHOOL,
                new GeoLocation(59.918, 10.589), 5400.0, "Europe/Oslo", 46.9,
                new TwinHour(Instant.parse("2026-11-23T10:00:00Z"), 23.45, 52.0),
                new TwinDay(LocalDate.of(2026, 11, 23), 512.3, 512.3 / 5400),
                new TwinHour(HOUR.plusSeconds(3 * 3600), 61.0, 64.0), 0.5, 2, 2, EnumSet.of(QualityFlag.ESTIMATED),
                Instant.parse("2026-11-23T10:30:00Z"), 12);
    }

    /** The alert of docs/TOPICS.md and docs/FOLLOW-UP.md's worked example. */
    static Alert alert() {
        return new Alert("baerum-skole-17", "3201", BuildingCategory.SCHOOL, AlertKind.ENERGY_ABOVE_EXPECTED, null,
                AlertState.OPEN, AlertEvent.OPENED, Instant.parse("2026-11-20T23:00:00Z"), null, 3, 5100.0, 4080.0,
                "kWh", 1020.0, 25.0, null, AlertCause.HEATING,
                "Bekkestua skole (baerum-skole-17) used 1020 kWh (25 %) more than its energy signature expects for "
                        + "the weather, over 3 days since 2026-11-21; likely cause: heating.", 1);
    }
}
