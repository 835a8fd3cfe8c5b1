package org.straumflyt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResolutionTest {
    private static final long H = 3_600_000L;
    private static final long Q = 900_000L;
    private static final Resolution QUARTER = Resolution.of(Duration.ofMinutes(15));
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void shouldPutEveryInstantInTheBucketStartingAtTheGreatestMultipleOfTheSizeAtOrBeforeIt() {
        Resolution hourly = Resolution.HOURLY;
        assertThat(hourly.floor(0)).isZero();
        assertThat(hourly.floor(H - 1)).isZero();
        assertThat(hourly.floor(H)).isEqualTo(H);
        assertThat(hourly.ceil(0)).isZero();
        assertThat(hourly.ceil(1)).isEqualTo(H);
        assertThat(hourly.ceil(H)).isEqualTo(H);
        assertThat(hourly.end(H)).isEqualTo(2 * H);
        assertThat(hourly.contains(H, H)).isTrue();
        assertThat(hourly.contains(H, 2 * H - 1)).isTrue();
        assertThat(hourly.contains(H, 2 * H)).isFalse();
        assertThat(hourly.contains(H, H - 1)).isFalse();
    }

    @Test
    void shouldRoundTowardsNegativeInfinityBeforeTheEpoch() {
        assertThat(QUARTER.floor(-1)).isEqualTo(-Q);
        assertThat(QUARTER.floor(-Q)).isEqualTo(-Q);
        assertThat(QUARTER.floor(-Q - 1)).isEqualTo(-2 * Q);
        assertThat(QUARTER.ceil(-1)).isZero();
        assertThat(QUARTER.ceil(-Q - 1)).isEqualTo(-Q);
        long at = Instant.parse("1969-12-31T23:44:59.999Z").toEpochMilli();
        assertThat(Instant.ofEpochMilli(QUARTER.floor(at))).isEqualTo(Instant.parse("1969-12-31T23:30:00Z"));
    }

    @Test
    void shouldCountTheBucketsARangeOverlaps() {
        assertThat(Resolution.HOURLY.bucketsIn(0, 0)).isZero();
        assertThat(Resolution.HOURLY.bucketsIn(5, 4)).isZero();
        assertThat(Resolution.HOURLY.bucketsIn(0, 1)).isEqualTo(1);
        assertThat(Resolution.HOURLY.bucketsIn(0, H)).isEqualTo(1);
        assertThat(Resolution.HOURLY.bucketsIn(0, H + 1)).isEqualTo(2);
        assertThat(Resolution.HOURLY.bucketsIn(H - 1, H + 1)).isEqualTo(2);
        assertThat(QUARTER.bucketsIn(-Q, Q)).isEqualTo(2);
    }

    @Test
    void shouldCountTheQuartersOfLocalDaysAcrossDaylightSavingChanges() {
        assertThat(QUARTER.bucketsIn(LocalDate.parse("2026-03-29"), OSLO)).isEqualTo(92);
        assertThat(QUARTER.bucketsIn(LocalDate.parse("2026-06-01"), OSLO)).isEqualTo(96);
        assertThat(QUARTER.bucketsIn(LocalDate.parse("2026-10-25"), OSLO)).isEqualTo(100);
        assertThat(Resolution.HOURLY.bucketsIn(LocalDate.parse("2026-03-29"), OSLO)).isEqualTo(23);
        assertThat(Resolution.HOURLY.bucketsIn(LocalDate.parse("2026-10-25"), OSLO)).isEqualTo(25);
        assertThat(Resolution.HOURLY.bucketsIn(LocalDate.parse("2026-10-25"), ZoneId.of("UTC"))).isEqualTo(24);
    }

    @Test
    void shouldCountTheBucketsOfLocalMonths() {
        assertThat(Resolution.HOURLY.bucketsIn(YearMonth.parse("2026-03"), OSLO)).isEqualTo(31 * 24 - 1);
        assertThat(Resolution.HOURLY.bucketsIn(YearMonth.parse("2026-10"), OSLO)).isEqualTo(31 * 24 + 1);
        assertThat(QUARTER.bucketsIn(YearMonth.parse("2026-02"), OSLO)).isEqualTo(28 * 96);
    }

    @Test
    void shouldBeAValue() {
        assertThat(Resolution.of(Duration.ofHours(1))).isSameAs(Resolution.HOURLY);
        assertThat(Resolution.of(Duration.ofMinutes(15))).isEqualTo(QUARTER).hasSameHashCodeAs(QUARTER);
        assertThat(QUARTER).isNotEqualTo(Resolution.HOURLY);
        assertThat(QUARTER.sizeMs()).isEqualTo(Q);
        assertThat(QUARTER.size()).isEqualTo(Duration.ofMinutes(15));
        assertThat(QUARTER.fraction(Q / 2)).isEqualTo(0.5);
        assertThat(QUARTER).hasToString("Resolution[PT15M]");
        assertThat(Resolution.of(Duration.ofDays(1)).sizeMs()).isEqualTo(24 * H);
    }

    @Test
    void shouldRefuseSizesThatDoNotDivideADayNamingTheValue() {
        assertThatThrownBy(() -> Resolution.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be from 1 ms to 1 day (PT24H), was PT0S");
        assertThatThrownBy(() -> Resolution.of(Duration.ofMinutes(-15)))
                .hasMessage("size must be from 1 ms to 1 day (PT24H), was PT-15M");
        assertThatThrownBy(() -> Resolution.of(Duration.ofHours(25)))
                .hasMessage("size must be from 1 ms to 1 day (PT24H), was PT25H");
        assertThatThrownBy(() -> Resolution.of(Duration.ofNanos(1_500_000)))
                .hasMessage("size must be a whole number of milliseconds, was PT0.0015S");
        assertThatThrownBy(() -> Resolution.of(Duration.ofMinutes(7)))
                .hasMessage("size must divide a day (86 400 000 ms) evenly, was PT7M (420000 ms)");
        assertThatThrownBy(() -> Resolution.of(null)).isInstanceOf(NullPointerException.class);
    }
}
