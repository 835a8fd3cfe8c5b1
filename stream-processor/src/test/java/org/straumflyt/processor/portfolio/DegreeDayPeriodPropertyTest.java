package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.processor.calendar.DegreeDayRules;

/**
 * The degree-day correction of a period, for any weather: it is the formula applied once to the period's sums, and it
 * stays within the bounds that formula allows, whatever one day's degree days are (down to a 16.9 °C day's 0.1).
 */
class DegreeDayPeriodPropertyTest {
    private static final DegreeDayRules RULES = DegreeDayRules.defaults();

    /** One day: energy used, kWh; mean temperature, °C; normal degree days. */
    record Day(double kwh, double meanC, double normal) {
        double degreeDays() {
            return Math.max(0, 17 - meanC);
        }
    }

    @Provide
    Arbitrary<List<Day>> periods() {
        return day().list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Day>> coldPeriods() {
        return day().list().ofMinSize(20).ofMaxSize(40);
    }

    private static Arbitrary<Day> day() {
        return Combinators.combine(Arbitraries.doubles().between(0, 5000).ofScale(3),
                Arbitraries.oneOf(Arbitraries.doubles().between(-30, 30).ofScale(1),
                        Arbitraries.doubles().between(16.5, 17.0).ofScale(2)),
                Arbitraries.doubles().between(0, 25).ofScale(2)).as(Day::new);
    }

    private static EnergySums sums(List<Day> days) {
        EnergySums sums = EnergySums.ZERO;
        for (Day d : days) {
            sums = sums.plus(new DayEnergy(d.kwh(), 0, Map.of(Carrier.ELECTRICITY, d.kwh()), d.degreeDays(),
                    d.normal(), 1));
        }
        return sums;
    }

    @Property
    void correctsOnceOnThePeriodsSums(@ForAll("periods") List<Day> days,
            @ForAll BuildingCategory category) {
        double e = days.stream().mapToDouble(Day::kwh).sum();
        double actual = days.stream().mapToDouble(Day::degreeDays).sum();
        double normal = days.stream().mapToDouble(Day::normal).sum();
        double f = RULES.share(category);

        double corrected = sums(days).correctedKwh(RULES, category);

        double expected = actual > 0 ? e * (1 - f) + e * f * normal / actual : e;
        assertThat(corrected).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
    }

    @Property
    void staysWithinTheBoundsOfTheFormulaForThePeriod(@ForAll("periods") List<Day> days,
            @ForAll BuildingCategory category) {
        double e = days.stream().mapToDouble(Day::kwh).sum();
        double actual = days.stream().mapToDouble(Day::degreeDays).sum();
        double normal = days.stream().mapToDouble(Day::normal).sum();
        double tolerance = 1e-9 * Math.max(1, e);

        double corrected = sums(days).correctedKwh(RULES, category);

        // never below the temperature-independent part, never beyond the period's own ratio of normal to actual
        double ratio = actual > 0 ? normal / actual : 1;
        assertThat(corrected).isBetween(Math.min(e, e * ratio) - tolerance, Math.max(e, e * ratio) + tolerance);
        assertThat(corrected).isGreaterThanOrEqualTo(e * (1 - RULES.share(category)) - tolerance);
        // a period colder than normal is corrected down, a warmer one up
        if (actual > 0 && actual >= normal) {
            assertThat(corrected).isLessThanOrEqualTo(e + tolerance);
        } else if (actual > 0) {
            assertThat(corrected).isGreaterThanOrEqualTo(e - tolerance);
        }
    }

    @Property
    void doesNotDependOnTheOrderOfTheDays(@ForAll("periods") List<Day> days) {
        List<Day> shuffled = new ArrayList<>(days);
        Collections.reverse(shuffled);

        assertThat(sums(shuffled).correctedKwh(RULES, BuildingCategory.SCHOOL))
                .isCloseTo(sums(days).correctedKwh(RULES, BuildingCategory.SCHOOL),
                        within(1e-9 * Math.max(1, sums(days).importKwh())));
    }

    @Property
    void aMildSpringDayAddsAtMostItsOwnShareOfTheCorrection(
            @ForAll("coldPeriods") List<Day> cold) {
        // Given a period of cold days (at least 5 degree days each), and a 16.9 °C day of 1 000 kWh
        List<Day> period = cold.stream().map(d -> new Day(d.kwh(), Math.min(d.meanC(), 12), d.normal())).toList();
        List<Day> withMild = new ArrayList<>(period);
        withMild.add(new Day(1000, 16.9, 380.0 / 30));

        double before = sums(period).correctedKwh(RULES, BuildingCategory.SCHOOL);
        double after = sums(withMild).correctedKwh(RULES, BuildingCategory.SCHOOL);

        // Then the period does not explode: the day by itself would be 1 000·0.4 + 1 000·0.6·(380/30)/0.1 = 76 400 kWh
        double normal = withMild.stream().mapToDouble(Day::normal).sum();
        double actual = withMild.stream().mapToDouble(Day::degreeDays).sum();
        double bound = (sums(withMild).importKwh()) * (0.4 + 0.6 * normal / actual);
        assertThat(after).isLessThanOrEqualTo(bound + 1e-6);
        assertThat(after - before).isLessThan(76_400);
    }
}
