package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.PortfolioKpi;
import org.straumflyt.model.PortfolioPeriod;
import org.straumflyt.simulator.fleet.LoadModel;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.fleet.WeatherModel;

/**
 * A year of the simulator's weather and load through the portfolio topology: the rolling 12 months' corrected energy
 * is the period-sum correction of the year, computed here by hand from the same days.
 */
class SimulatedWeatherYearTest {
    private static final long SEED = 7;
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The default normals (°C·days per month, January first) as docs/METERING.md lists them. */
    private static final double[] NORMALS = {650, 580, 530, 380, 200, 60, 20, 40, 160, 340, 480, 610};
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalDate TO = LocalDate.parse("2026-11-23");
    private static final Building SCHOOL = new Building("s", "Skole", "3201", BuildingCategory.SCHOOL, 2000, null,
            null, "baerum", false, List.of());
    private PortfolioFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldCorrectAYearOfSimulatedWeatherOnceOnTheYearsSums() {
        // Given a school whose electricity and district heating follow the simulator's load on its weather
        WeatherModel weather = new WeatherModel(SEED);
        LoadModel load = new LoadModel(SEED, weather);
        SimMeter el = new SimMeter("el", "s", Carrier.ELECTRICITY, PayloadFormat.CANONICAL, 3600, 0, 1, 0, 0, 0, 500);
        SimMeter dh = new SimMeter("dh", "s", Carrier.DISTRICT_HEATING, PayloadFormat.CANONICAL, 3600, 0, 1, 0, 0, 0,
                500);
        fixture = new PortfolioFixture(NOW);
        fixture.register(SCHOOL);
        double e = 0;
        double actual = 0;
        double normal = 0;
        double dayByDay = 0;
        for (LocalDate d = TO.minusYears(1).plusDays(1); !d.isAfter(TO); d = d.plusDays(1)) {
            Map<Carrier, Double> kwh = new EnumMap<>(Carrier.class);
            Instant start = d.atStartOfDay(OSLO).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(OSLO).toInstant();
            for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600)) {
                long index = h.getEpochSecond() / 3600;
                kwh.merge(Carrier.ELECTRICITY, load.powerKw(SCHOOL, el, h, index), Double::sum);
                kwh.merge(Carrier.DISTRICT_HEATING, load.powerKw(SCHOOL, dh, h, index), Double::sum);
            }
            double gd = Math.max(0, 17 - weather.dailyMeanC("baerum", d));
            double gdNormal = NORMALS[d.getMonthValue() - 1] / d.lengthOfMonth();
            fixture.day(PortfolioFixture.daily(SCHOOL, d.toString(), kwh, gd, gdNormal, 0, 1));
            double dayKwh = kwh.values().stream().mapToDouble(Double::doubleValue).sum();
            e += dayKwh;
            actual += gd;
            normal += gdNormal;
            // the old way, for comparison: each day with its own degree days, warm days as measured
            dayByDay += gd > 0 ? dayKwh * 0.4 + dayKwh * 0.6 * gdNormal / gd : dayKwh;
        }

        // When the portfolio is computed
        fixture.emit();

        // Then the rolling 12 months are corrected once, on the year's sums (school: f = 0.6)
        PortfolioKpi year = fixture.portfolio("3201", PortfolioPeriod.ROLLING_12_MONTHS, "2025-11-24");
        double periodSum = e * 0.4 + e * 0.6 * normal / actual;
        assertThat(year.days()).isEqualTo(365);
        assertThat(year.importKwh()).isCloseTo(e, within(1e-6));
        assertThat(year.correctedKwh()).isCloseTo(periodSum, within(1e-6));
        assertThat(year.correctedCoverage()).isEqualTo(1.0);
        // which is not what summing each day's own correction gives (that sum depends on the mild days' tiny
        // degree days, up or down with the load: here 0.5 % of the year's energy apart)
        assertThat(Math.abs(dayByDay - periodSum)).isGreaterThan(0.001 * e);
    }
}
