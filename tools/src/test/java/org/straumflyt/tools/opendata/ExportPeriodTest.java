package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ExportPeriodTest {

    @Test
    void monthsSpanFromTheFirstDayToTheLast() {
        assertThat(ExportPeriod.parse("2026-01", "2026-10"))
                .isEqualTo(new ExportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31)));
        assertThat(ExportPeriod.parse("2028-02", "2028-02").to()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void datesAndMonthsMix() {
        ExportPeriod period = ExportPeriod.parse("2026-01-15", "2026-03");

        assertThat(period).isEqualTo(new ExportPeriod(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 31)));
        assertThat(period.containsWhole(YearMonth.of(2026, 1))).isFalse();
        assertThat(period.containsWhole(YearMonth.of(2026, 2))).isTrue();
        assertThat(period.contains(LocalDate.of(2026, 1, 15))).isTrue();
        assertThat(period.contains(LocalDate.of(2026, 1, 14))).isFalse();
    }

    @Test
    void namesTheBadValue() {
        assertThatThrownBy(() -> ExportPeriod.parse("2026-13", "2026-12"))
                .hasMessage("--from '2026-13' is neither a month (2026-01) nor a date (2026-01-15)");
        assertThatThrownBy(() -> ExportPeriod.parse("2026-05", "2026-04"))
                .hasMessage("the period ends (2026-04-30) before it starts (2026-05-01)");
    }
}
