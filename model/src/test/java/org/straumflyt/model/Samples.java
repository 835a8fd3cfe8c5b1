package org.straumflyt.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** One realistic example of every record that travels on a public topic. */
final class Samples {
    static final Instant HOUR = Instant.parse("2026-11-23T06:00:00Z");

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
                                400.0),
                        MeterSpec.of("fv-1001", Carrier.DISTRICT_HEATING)));
    }

    static WeatherDaily weather() {
        return new WeatherDaily("baerum", LocalDate.of(2026, 11, 23), -3.4);
    }

    static MeterHour meterHour() {
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
                812.0 / 5400, new PeakHour(Instant.parse("2026-03-29T08:00:00Z"), 61.0), 12.4, 2.5, 14.5, 790.1, 1.0,
                EnumSet.of(QualityFlag.ESTIMATED), 3);
    }

    static BuildingMonthly buildingMonthly() {
        return new BuildingMonthly("baerum-skole-17", "3201", BuildingCategory.SCHOOL, YearMonth.of(2026, 11),
                "Europe/Oslo", 23, Map.of(Carrier.ELECTRICITY, new CarrierEnergy(18_500.0, 12.0, 70.0)), 18_500.0,
                12.0, 18_500.0 / 5400, new PeakHour(Instant.parse("2026-11-18T07:00:00Z"), 66.0),
                List.of(new PeakHour(Instant.parse("2026-11-18T07:00:00Z"), 66.0),
                        new PeakHour(Instant.parse("2026-11-12T07:00:00Z"), 64.5),
                        new PeakHour(Instant.parse("2026-11-20T08:00:00Z"), 63.0)),
                64.5, 410.0, 18_100.0, 0.98, EnumSet.noneOf(QualityFlag.class), 40);
    }
}
