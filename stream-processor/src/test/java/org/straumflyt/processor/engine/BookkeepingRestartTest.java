package org.straumflyt.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.Reading;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.SampleCache;
import org.straumflyt.processor.series.SeriesMeta;
import org.straumflyt.processor.series.SeriesStore;
import org.straumflyt.processor.series.StoredSeries;

/**
 * Most readings move only a series' watermark and last register reading, and the meter stage then keeps its
 * bookkeeping in memory without writing it; a stage started afresh over the same store (a restart, a task moved to
 * another instance) must derive exactly the same bookkeeping from the samples and judge late readings alike.
 */
class BookkeepingRestartTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private final MeteringRules rules = MeteringRules.defaults();
    private final MeterEngine engine = new MeterEngine(rules, Resolution.HOURLY);
    private final KeyValueStore<Bytes, byte[]> store = Stores.inMemoryKeyValueStore("meter").get();

    private MeterUpdate apply(SampleCache cache, Reading reading) {
        return engine.apply(reading, MeterLimits.NONE,
                new SeriesStore(store, reading.meterId(), reading.register(), cache));
    }

    private SeriesMeta meta(SampleCache cache, String register) {
        return new SeriesStore(store, "m1", register, cache).meta();
    }

    @Test
    void aFreshStageDerivesTheWatermarkAndLastRegisterReadingTheRunningOneHeld() {
        SampleCache running = SampleCache.withBudget(10_000);
        for (int i = 0; i < 90; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            apply(running, Reading.register("m1", "import", 100 + i * 0.5, at, Carrier.ELECTRICITY));
            apply(running, Reading.power("m1", "import", 30, at.plusSeconds(20), Carrier.ELECTRICITY));
            apply(running, Reading.power("m1", "power-only", 3, at.plusSeconds(40), Carrier.ELECTRICITY));
        }
        SeriesMeta held = meta(running, "import");
        assertThat(held.watermark()).isEqualTo(T0.plus(Duration.ofMinutes(89)).plusSeconds(20).toEpochMilli());
        assertThat(held.lastRegister()).isEqualTo(T0.plus(Duration.ofMinutes(89)).toEpochMilli());

        // the store alone, and a new stage's cache, give the same bookkeeping for every series
        for (String register : new String[] {"import", "power-only"}) {
            assertThat(new StoredSeries(store, "m1", register).meta()).isEqualTo(meta(running, register));
            assertThat(meta(SampleCache.withBudget(10_000), register)).isEqualTo(meta(running, register));
        }
    }

    @Test
    void aFreshStageRejectsAReadingBeyondTheHorizonOfTheNewestOne() {
        SampleCache running = SampleCache.withBudget(10_000);
        // in the same hour as the first: the stored bookkeeping is not written again and still names T0
        Instant newest = T0.plus(Duration.ofMinutes(50));
        apply(running, Reading.register("m1", "import", 100, T0, Carrier.ELECTRICITY));
        apply(running, Reading.register("m1", "import", 160, newest, Carrier.ELECTRICITY));
        Instant tooOld = newest.minus(rules.latenessHorizon()).minus(Duration.ofMinutes(1));

        MeterUpdate late = apply(SampleCache.withBudget(10_000),
                Reading.register("m1", "import", 99, tooOld, Carrier.ELECTRICITY));

        assertThat(late).isInstanceOf(MeterUpdate.Late.class);
        assertThat(((MeterUpdate.Late) late).watermark()).isEqualTo(newest.toEpochMilli());
    }
}
