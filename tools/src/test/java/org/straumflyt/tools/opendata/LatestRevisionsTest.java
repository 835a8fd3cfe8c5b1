package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.BuildingDaily;
import org.straumflyt.model.BuildingDailyKey;

class LatestRevisionsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);
    private static final BuildingDailyKey KEY = new BuildingDailyKey("school-1", DAY);

    @Test
    void theHighestRevisionWinsWhateverTheOrder() {
        LatestRevisions<BuildingDailyKey, BuildingDaily> latest = new LatestRevisions<>();

        latest.offer(KEY, Fixtures.day("school-1", BuildingCategory.SCHOOL, DAY, 1));
        latest.offer(KEY, Fixtures.day("school-1", BuildingCategory.SCHOOL, DAY, 3));
        latest.offer(KEY, Fixtures.day("school-1", BuildingCategory.SCHOOL, DAY, 2));

        assertThat(latest.values()).extracting(BuildingDaily::revision).containsExactly(3L);
        assertThat(latest.values().get(0).importKwh()).isEqualTo(450);
    }

    @Test
    void aTombstoneRemovesTheKey() {
        LatestRevisions<BuildingDailyKey, BuildingDaily> latest = new LatestRevisions<>();

        latest.offer(KEY, Fixtures.day("school-1", BuildingCategory.SCHOOL, DAY, 1));
        latest.offer(KEY, null);

        assertThat(latest.size()).isZero();
    }
}
