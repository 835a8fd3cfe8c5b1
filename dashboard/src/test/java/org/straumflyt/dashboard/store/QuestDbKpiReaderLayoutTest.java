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
}
