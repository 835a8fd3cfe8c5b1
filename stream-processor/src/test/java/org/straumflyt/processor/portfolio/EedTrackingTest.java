package org.straumflyt.processor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.processor.calendar.DegreeDayRules;
import org.straumflyt.processor.portfolio.EedTracking.BuildingYear;
import org.straumflyt.processor.portfolio.EedTracking.Row;

/** EED tracking against a hand computation (default shares: school f = 0.6, office f = 0.5). */
class EedTrackingTest {
    private static final double EPS = 1e-6;
    private final EedTracking eed = new EedTracking(DegreeDayRules.defaults(), 2021, 0.019);

    private static Row find(List<Row> rows, String building, int year) {
        return rows.stream().filter(r -> java.util.Objects.equals(r.buildingId(), building) && r.year() == year)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldTrackEachBuildingAndTheTotalAgainstTheBaselineAndThePath() {
        List<Row> rows = eed.track(List.of(
                // A, school: 2021 100 000 kWh, G 4000, N 4200; 2023 95 000 kWh, G = N = 4200
                new BuildingYear("A", BuildingCategory.SCHOOL, 2021, 100_000, 100_000, 4000, 4200),
                new BuildingYear("A", BuildingCategory.SCHOOL, 2023, 95_000, 95_000, 4200, 4200),
                // B, office: 2021 50 000 kWh, G 3800, N 4200; 2023 52 000 kWh of which 2 000 on days without a
                // temperature, G 4000, N 4200
                new BuildingYear("B", BuildingCategory.OFFICE, 2021, 50_000, 50_000, 3800, 4200),
                new BuildingYear("B", BuildingCategory.OFFICE, 2023, 52_000, 50_000, 4000, 4200),
                // C has no baseline year
                new BuildingYear("C", BuildingCategory.OFFICE, 2023, 10_000, 10_000, 4200, 4200)));

        // A: K2021 = 100 000·0.4 + 100 000·0.6·4200/4000 = 40 000 + 63 000 = 103 000; K2023 = 95 000;
        // target 2023 = 103 000 · (1 − 2·0.019) = 99 086; change (95 000 − 103 000)/103 000 = −7.767 %; on track
        Row a = find(rows, "A", 2023);
        assertThat(a.baselineKwh()).isCloseTo(103_000, within(EPS));
        assertThat(a.correctedKwh()).isCloseTo(95_000, within(EPS));
        assertThat(a.targetKwh()).isCloseTo(99_086, within(EPS));
        assertThat(a.changePercent()).isCloseTo(-8000.0 / 103_000 * 100, within(EPS));
        assertThat(a.onTrack()).isTrue();
        // B: K2021 = 25 000 + 25 000·4200/3800 = 52 631.578947; K2023 = 2 000 + 25 000 + 25 000·4200/4000 = 53 250;
        // target = 52 631.578947 · 0.962 = 50 631.578947; not on track
        Row b = find(rows, "B", 2023);
        assertThat(b.baselineKwh()).isCloseTo(25_000 + 25_000 * 4200.0 / 3800, within(EPS));
        assertThat(b.correctedKwh()).isCloseTo(53_250, within(EPS));
        assertThat(b.targetKwh()).isCloseTo((25_000 + 25_000 * 4200.0 / 3800) * 0.962, within(EPS));
        assertThat(b.onTrack()).isFalse();
        // the baseline year is on its own path (target = baseline)
        assertThat(find(rows, "A", 2021).targetKwh()).isCloseTo(103_000, within(EPS));
        // C has rows without a baseline and is not in the total
        Row c = find(rows, "C", 2023);
        assertThat(c.baselineKwh()).isNull();
        assertThat(c.onTrack()).isNull();
        // total 2023 over A and B: K = 95 000 + 53 250 = 148 250; base = 155 631.578947; target = 149 717.578947;
        // change = −7 381.578947 / 155 631.578947 = −4.743 %; on track
        Row total = find(rows, null, 2023);
        double base = 103_000 + 25_000 + 25_000 * 4200.0 / 3800;
        assertThat(total.buildings()).isEqualTo(2);
        assertThat(total.correctedKwh()).isCloseTo(148_250, within(EPS));
        assertThat(total.baselineKwh()).isCloseTo(base, within(EPS));
        assertThat(total.targetKwh()).isCloseTo(base * 0.962, within(EPS));
        assertThat(total.changePercent()).isCloseTo((148_250 - base) / base * 100, within(EPS));
        assertThat(total.onTrack()).isTrue();
        assertThat(find(rows, null, 2021).buildings()).isEqualTo(2);
    }

    @Test
    void shouldCountAYearWithoutDegreeDaysAsMeasured() {
        BuildingYear summer = new BuildingYear("A", BuildingCategory.SCHOOL, 2022, 1000, 1000, 0, 50);
        assertThat(eed.corrected(summer)).isCloseTo(1000, within(EPS));
    }
}
