package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingMonthly;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.PeakHour;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Reading;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherSample;
import org.straumflyt.processor.calendar.DegreeDayRules;

/** Days and months in the building's time zone: DST days, base load, degree days, monthly peaks. */
class CalendarTopologyTest {
    private static final double EPS = 1e-9;
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void school() {
        fixture.register(new Building("school", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 1000, null, null,
                "baerum", false, List.of(MeterSpec.of("el", Carrier.ELECTRICITY))));
    }

    /** Hourly register readings over [from, to) with the energy of each hour given by a function of its start. */
    private void hourlyReadings(Instant from, Instant to, ToDoubleFunction<Instant> kwhOfHour) {
        List<Reading> readings = new ArrayList<>();
        double register = 10_000;
        for (Instant h = from; !h.isAfter(to); h = h.plusSeconds(3600)) {
            readings.add(Reading.register("el", "import", register, h, Carrier.ELECTRICITY));
            register += kwhOfHour.applyAsDouble(h);
        }
        fixture.sendAll(readings);
    }

    private static Instant localMidnight(String date) {
        return LocalDate.parse(date).atStartOfDay(OSLO).toInstant();
    }

    @Test
    void shouldHaveTwentyThreeHoursOnTheSpringDstDayInOslo() {
        school();
        hourlyReadings(localMidnight("2026-03-29"), localMidnight("2026-03-30"), h -> 10);

        BuildingDaily day = fixture.day("school", "2026-03-29");
        assertThat(day.hoursInDay()).isEqualTo(23);
        assertThat(day.hoursWithData()).isEqualTo(23);
        assertThat(day.importKwh()).isCloseTo(230, within(EPS));
        assertThat(day.coverage()).isCloseTo(1.0, within(EPS));
        assertThat(day.complete()).isTrue();
        // 00:00, 01:00, 03:00, 04:00 local: 02:00 does not exist that night
        assertThat(day.baseLoadKw()).isCloseTo(10, within(EPS));
    }

    @Test
    void shouldHaveTwentyFiveHoursOnTheAutumnDstDayInOslo() {
        school();
        hourlyReadings(localMidnight("2026-10-25"), localMidnight("2026-10-26"), h -> 4);

        BuildingDaily day = fixture.day("school", "2026-10-25");
        assertThat(day.hoursInDay()).isEqualTo(25);
        assertThat(day.importKwh()).isCloseTo(100, within(EPS));
        assertThat(day.kwhPerM2()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void shouldTakeBaseLoadAsTheMeanOfTheHoursFromMidnightToFiveLocalAndThePeakHour() {
        school();
        // 3 kWh per hour at night (before 05:00 local), 20 kWh by day, 35 kWh at 12:00 local
        hourlyReadings(localMidnight("2026-11-23"), localMidnight("2026-11-24"), h -> {
            LocalTime local = h.atZone(OSLO).toLocalTime();
            if (local.equals(LocalTime.NOON)) {
                return 35;
            }
            return local.isBefore(LocalTime.of(5, 0)) ? 3 : 20;
        });

        BuildingDaily day = fixture.day("school", "2026-11-23");
        assertThat(day.baseLoadKw()).isCloseTo(3, within(EPS));
        assertThat(day.peakHour()).isEqualTo(new PeakHour(Instant.parse("2026-11-23T11:00:00Z"), 35));
        assertThat(day.importKwh()).isCloseTo(5 * 3 + 18 * 20 + 35, within(EPS));
    }

    @Test
    void shouldComputeDegreeDaysAndCorrectedEnergyWhenTheTemperatureIsKnown() {
        school();
        hourlyReadings(localMidnight("2026-11-23"), localMidnight("2026-11-24"), h -> 10);
        fixture.weather(new WeatherDaily("baerum", LocalDate.of(2026, 11, 23), -3.0));

        BuildingDaily day = fixture.day("school", "2026-11-23");
        double normal = 480.0 / 30; // November normal of the default climate, per day
        double f = 0.6; // schools
        assertThat(day.meanTemperatureC()).isEqualTo(-3.0);
        assertThat(day.degreeDays()).isCloseTo(20, within(EPS));
        assertThat(day.normalDegreeDays()).isCloseTo(normal, within(EPS));
        assertThat(DegreeDayRules.degreeDays(18)).isZero();
        // the month corrects on its sums; with one day of data they are that day's
        BuildingMonthly month = fixture.month("school", "2026-11");
        assertThat(month.degreeDays()).isCloseTo(20, within(EPS));
        assertThat(month.normalDegreeDays()).isCloseTo(normal, within(EPS));
        assertThat(month.correctedKwh()).isCloseTo(240 * (1 - f) + 240 * f * normal / 20, within(1e-6));
    }

    @Test
    void shouldCorrectAMonthWithAMildSpringDayOnTheMonthsSumsNotDayByDay() {
        // Given April with 960 kWh a day: 7 °C (10 degree days) every day but the 15th, which is 16.9 °C (0.1)
        school();
        // one register reading per local midnight: each step spreads 960 kWh over its day's 24 hours
        List<Reading> readings = new ArrayList<>();
        for (int d = 0; d <= 30; d++) {
            readings.add(Reading.register("el", "import", 10_000 + 960.0 * d,
                    localMidnight("2026-04-01").plusSeconds(86_400L * d), Carrier.ELECTRICITY));
        }
        fixture.sendAll(readings);
        for (int d = 1; d <= 30; d++) {
            fixture.weather(new WeatherDaily("baerum", LocalDate.of(2026, 4, d), d == 15 ? 16.9 : 7.0));
        }

        // Then the 15th carries its degree days and normal, but no corrected energy of its own
        BuildingDaily mild = fixture.day("school", "2026-04-15");
        assertThat(mild.degreeDays()).isCloseTo(0.1, within(1e-9));
        assertThat(mild.normalDegreeDays()).isCloseTo(380.0 / 30, within(EPS));
        // and the month is corrected once: E·(1−f) + E·f·ΣGD_normal/ΣGD_actual with April's normal of 380
        BuildingMonthly april = fixture.month("school", "2026-04");
        double e = 30 * 960;
        double actual = 29 * 10 + 0.1;
        double expected = e * 0.4 + e * 0.6 * 380 / actual;
        assertThat(april.importKwh()).isCloseTo(e, within(1e-6));
        assertThat(april.degreeDays()).isCloseTo(actual, within(1e-9));
        assertThat(april.normalDegreeDays()).isCloseTo(380, within(1e-9));
        assertThat(april.correctedKwh()).isCloseTo(expected, within(1e-6));
        // day by day, the 15th alone would have become 960·0.4 + 960·0.6·(380/30)/0.1 ≈ 73 344 kWh
        double dayByDay = 29 * (960 * 0.4 + 960 * 0.6 * (380.0 / 30) / 10) + 960 * 0.4 + 960 * 0.6 * (380.0 / 30) / 0.1;
        assertThat(dayByDay).isGreaterThan(2.5 * e);
        assertThat(april.correctedKwh()).isLessThan(1.2 * e);
    }

    @Test
    void shouldLeaveASummerMonthWithoutDegreeDaysUncorrectedAndFlagIt() {
        school();
        hourlyReadings(localMidnight("2026-07-01"), localMidnight("2026-07-04"), h -> 10);
        for (int d = 1; d <= 3; d++) {
            fixture.weather(new WeatherDaily("baerum", LocalDate.of(2026, 7, d), 19.5));
        }

        BuildingMonthly july = fixture.month("school", "2026-07");
        assertThat(july.degreeDays()).isZero();
        assertThat(july.correctedKwh()).isCloseTo(720, within(1e-6));
        assertThat(july.flags()).contains(QualityFlag.NOT_CORRECTED);
    }

    @Test
    void shouldCallADayCompleteOnlyWhenEveryExpectedMeterReportedAllDay() {
        // Given a school with an electricity meter that reports all day and a heating meter that is silent
        fixture.register(new Building("school", "Bekkestua skole", "3201", BuildingCategory.SCHOOL, 1000, null, null,
                "baerum", false, List.of(MeterSpec.of("el", Carrier.ELECTRICITY),
                        MeterSpec.of("dh", Carrier.DISTRICT_HEATING))));
        hourlyReadings(localMidnight("2026-11-23"), localMidnight("2026-11-24"), h -> 10);

        // Then the day has every hour, but only half of its expected meter-hours
        BuildingDaily day = fixture.day("school", "2026-11-23");
        assertThat(day.hoursWithData()).isEqualTo(24);
        assertThat(day.coverage()).isCloseTo(1.0, within(EPS));
        assertThat(day.meterCoverage()).isCloseTo(0.5, within(EPS));
        assertThat(day.complete()).isFalse();
        assertThat(day.flags()).contains(QualityFlag.MISSING_METERS);
    }

    @Test
    void shouldTakeTheDegreeDaysFromTheSamplesOfAWeatherSensor() {
        // Given a school whose weather location is fed by a sensor on an MQTT route: -5 °C in the first local
        // hour of the day, -1 °C twice (mean -1) later, so the day's mean of hourly means is -3 °C
        school();
        hourlyReadings(localMidnight("2026-11-23"), localMidnight("2026-11-24"), h -> 10);
        Instant midnight = localMidnight("2026-11-23");
        fixture.weatherSample(new WeatherSample("baerum", midnight.plusSeconds(600), -5.0, null));
        fixture.weatherSample(new WeatherSample("baerum", midnight.plusSeconds(12 * 3600), -1.5, null));
        fixture.weatherSample(new WeatherSample("baerum", midnight.plusSeconds(12 * 3600 + 600), -0.5, null));

        // Then the day has that temperature, its degree days and the corrected energy
        BuildingDaily day = fixture.day("school", "2026-11-23");
        double normal = 480.0 / 30;
        double f = 0.6;
        assertThat(day.meanTemperatureC()).isCloseTo(-3.0, within(EPS));
        assertThat(day.degreeDays()).isCloseTo(20, within(EPS));
        assertThat(day.normalDegreeDays()).isCloseTo(normal, within(EPS));
        assertThat(fixture.month("school", "2026-11").correctedKwh())
                .isCloseTo(240 * (1 - f) + 240 * f * normal / 20, within(1e-6));
    }

    @Test
    void shouldCorrectTheDayExactlyWhenALateReadingRevisesAnHour() {
        school();
        Instant start = localMidnight("2026-11-23");
        fixture.sendAll(List.of(Reading.register("el", "import", 100, start, Carrier.ELECTRICITY),
                Reading.register("el", "import", 120, start.plusSeconds(7200), Carrier.ELECTRICITY)));
        BuildingDaily before = fixture.day("school", "2026-11-23");
        assertThat(before.importKwh()).isCloseTo(20, within(EPS));

        fixture.send(Reading.register("el", "import", 118, start.plusSeconds(3600), Carrier.ELECTRICITY));

        BuildingDaily after = fixture.day("school", "2026-11-23");
        assertThat(after.importKwh()).isCloseTo(20, within(EPS));
        assertThat(after.peakHour().kwh()).isCloseTo(18, within(EPS));
        assertThat(after.revision()).isGreaterThan(before.revision());
    }

    @Test
    void shouldTakeTheMonthsHighestHourAndTheMeanOfTheTopHoursOnThreeDifferentDays() {
        school();
        // 5 kWh per hour, except: Nov 3 two high hours (90 and 80), Nov 10 70, Nov 20 60
        Instant nov3a = localMidnight("2026-11-03").plusSeconds(10 * 3600);
        Instant nov3b = localMidnight("2026-11-03").plusSeconds(14 * 3600);
        Instant nov10 = localMidnight("2026-11-10").plusSeconds(9 * 3600);
        Instant nov20 = localMidnight("2026-11-20").plusSeconds(8 * 3600);
        hourlyReadings(localMidnight("2026-11-01"), localMidnight("2026-11-22"), h -> h.equals(nov3a) ? 90
                : h.equals(nov3b) ? 80 : h.equals(nov10) ? 70 : h.equals(nov20) ? 60 : 5);

        BuildingMonthly month = fixture.month("school", "2026-11");
        assertThat(month.peakHour()).isEqualTo(new PeakHour(nov3a, 90));
        assertThat(month.capacityPeaks()).containsExactly(new PeakHour(nov3a, 90), new PeakHour(nov10, 70),
                new PeakHour(nov20, 60));
        assertThat(month.capacityPeakKw()).isCloseTo((90 + 70 + 60) / 3.0, within(EPS));
        assertThat(month.daysWithData()).isEqualTo(21);
        assertThat(month.importKwh()).isCloseTo(21 * 24 * 5 + 85 + 75 + 65 + 55, within(1e-6));
        assertThat(month.kwhPerM2()).isCloseTo(month.importKwh() / 1000, within(EPS));
    }
}
