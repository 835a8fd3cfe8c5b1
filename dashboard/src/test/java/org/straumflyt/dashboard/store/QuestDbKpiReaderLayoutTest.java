package org.straumflyt.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.publisher.layout.KpiLayouts;

/** The reader names only columns the publisher writes. */
class QuestDbKpiReaderLayoutTest {

    @Test
    void everyColumnReadIsATagOrFieldOfBuildingHourly() {
        List<String> written = new ArrayList<>();
        KpiLayouts.BUILDING_HOURLY.tags().forEach(t -> written.add(t.name()));
        KpiLayouts.BUILDING_HOURLY.fields().forEach(f -> written.add(f.name()));

        assertThat(QuestDbKpiReader.TABLE).isEqualTo("building_hourly");
        assertThat(written).containsAll(QuestDbKpiReader.HOUR_COLUMNS);
    }

    @Test
    void everyColumnReadOfTheDaysAndMonthsIsWritten() {
        assertThat(QuestDbKpiReader.DAY_TABLE).isEqualTo("building_daily");
        assertThat(columns(KpiLayouts.BUILDING_DAILY)).containsAll(QuestDbKpiReader.DAY_COLUMNS);
        assertThat(QuestDbKpiReader.MONTH_TABLE).isEqualTo("building_monthly");
        assertThat(columns(KpiLayouts.BUILDING_MONTHLY)).containsAll(QuestDbKpiReader.MONTH_COLUMNS);
        assertThat(QuestDbKpiReader.PORTFOLIO_TABLE).isEqualTo("portfolio");
        assertThat(QuestDbKpiReader.CATEGORY_TABLE).isEqualTo("portfolio_category");
    }

    private static List<String> columns(org.straumflyt.publisher.layout.Measurement<?> measurement) {
        List<String> written = new ArrayList<>();
        measurement.tags().forEach(t -> written.add(t.name()));
        measurement.fields().forEach(f -> written.add(f.name()));
        return written;
    }
}
