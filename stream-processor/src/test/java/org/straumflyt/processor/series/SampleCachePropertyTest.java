package org.straumflyt.processor.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Resolution;

/**
 * The meter stage's in-memory copy of the newest samples answers every query exactly as the store alone does, while
 * samples are inserted in any order, old ones are evicted, the copy is trimmed to a few samples and whole series are
 * dropped for lack of room.
 */
class SampleCachePropertyTest {
    private static final long MINUTE = 60_000;
    private static final String METER = "m-1";
    private static final String[] REGISTERS = {"import", "export"};

    @Property(tries = 200)
    void answersEqualThoseOfTheStoreAlone(@ForAll Random random, @ForAll @IntRange(min = 20, max = 400) int steps,
            @ForAll @IntRange(min = 1, max = 6) int keepCount, @ForAll @IntRange(min = 0, max = 90) int keepMinutes,
            @ForAll @IntRange(min = 2, max = 60) int budget) {
        KeyValueStore<Bytes, byte[]> plainStore = Stores.inMemoryKeyValueStore("plain").get();
        KeyValueStore<Bytes, byte[]> cachedStore = Stores.inMemoryKeyValueStore("cached").get();
        SampleCache cache = new SampleCache(keepCount, keepMinutes * MINUTE, budget);
        long frozen = 0;
        for (int step = 0; step < steps; step++) {
            String register = REGISTERS[random.nextInt(REGISTERS.length)];
            SampleSeries plain = new StoredSeries(plainStore, METER, register);
            SeriesStore cached = new SeriesStore(cachedStore, METER, register, cache);
            long t = frozen + random.nextInt(8 * 60) * MINUTE + random.nextInt(3) * 1000;
            long first = plain.firstRegister();
            long last = lastRegister(plain);
            int op = random.nextInt(10);
            switch (op) {
                case 0, 1, 2 -> {
                    Sample s = new Sample(t, random.nextInt(1000), random.nextBoolean());
                    plain.putRegister(s);
                    cached.putRegister(s);
                    follow(plain, cached, t, true);
                }
                case 3, 4 -> {
                    Sample s = new Sample(t, random.nextInt(50), random.nextBoolean());
                    plain.putPower(s);
                    cached.putPower(s);
                    follow(plain, cached, t, false);
                }
                case 5 -> {
                    assertThat(cached.register(t)).isEqualTo(plain.register(t));
                    assertThat(cached.power(t)).isEqualTo(plain.power(t));
                    assertThat(cached.firstRegister()).isEqualTo(first);
                    assertThat(cached.meta()).isEqualTo(plain.meta());
                    if (random.nextBoolean()) {
                        // as the engine writes it: never behind the newest sample
                        long watermark = Math.max(t, Math.max(last, newestPower(plain)));
                        SeriesMeta meta = new SeriesMeta(watermark, frozen, first, last, random.nextInt(8));
                        plain.putMeta(meta);
                        cached.putMeta(meta);
                    }
                }
                case 6 -> {
                    long to = t + random.nextInt(3) * 30 * MINUTE;
                    int extra = 1 << random.nextInt(4);
                    RegisterWindow expected = plain.registersAround(t, to, extra, first, last);
                    RegisterWindow actual = cached.registersAround(t, to, extra, first, last);
                    assertThat(actual.readings()).isEqualTo(expected.readings());
                    // The copy may know better that a window reaches an end of the series, never worse or wrongly.
                    List<Sample> all = registers(plain);
                    List<Sample> window = actual.readings();
                    boolean atFirst = all.isEmpty() || !window.isEmpty() && window.get(0).equals(all.get(0));
                    boolean atLast = all.isEmpty()
                            || !window.isEmpty() && window.get(window.size() - 1).equals(all.get(all.size() - 1));
                    assertThat(!actual.startsAtFirst() || atFirst).isTrue();
                    assertThat(!expected.startsAtFirst() || actual.startsAtFirst()).isTrue();
                    assertThat(!actual.endsAtLast() || atLast).isTrue();
                    assertThat(!expected.endsAtLast() || actual.endsAtLast()).isTrue();
                }
                case 7 -> {
                    long to = t + random.nextInt(120) * MINUTE;
                    assertThat(cached.power(t, to)).isEqualTo(plain.power(t, to));
                }
                case 8 -> {
                    long within = (1 + random.nextInt(20)) * MINUTE;
                    assertThat(cached.powerBefore(t, within)).isEqualTo(plain.powerBefore(t, within));
                    assertThat(cached.powerAfter(t, within)).isEqualTo(plain.powerAfter(t, within));
                }
                default -> {
                    if (random.nextInt(4) == 0) {
                        frozen = Resolution.HOURLY.floor(frozen + random.nextInt(3) * Resolution.HOURLY.sizeMs());
                        plain.evictBefore(frozen);
                        cached.evictBefore(frozen);
                        assertThat(registers(cached)).isEqualTo(registers(plain));
                        assertThat(cached.power(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4))
                                .isEqualTo(plain.power(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4));
                    }
                }
            }
            assertThat(cache.size()).isLessThanOrEqualTo(budget);
        }
        for (String register : REGISTERS) {
            assertThat(new SeriesStore(cachedStore, METER, register, cache).meta())
                    .isEqualTo(new StoredSeries(plainStore, METER, register).meta());
            assertThat(registers(new StoredSeries(cachedStore, METER, register)))
                    .isEqualTo(registers(new StoredSeries(plainStore, METER, register)));
        }
    }

    /**
     * What the engine does after inserting a sample when only the watermark and the last register reading move: the
     * copy in memory takes the new bookkeeping, the store is not written and derives it from its newest samples.
     */
    private static void follow(SampleSeries plain, SampleSeries cached, long at, boolean register) {
        SeriesMeta m = cached.meta();
        if (m != null) {
            SeriesMeta next = new SeriesMeta(Math.max(m.watermark(), at), m.frozenFrom(), m.firstRegister(),
                    register ? Math.max(m.lastRegister(), at) : m.lastRegister(), m.kinds());
            cached.noteMeta(next);
            plain.noteMeta(next);
        }
    }

    private static long newestPower(SampleSeries series) {
        List<Sample> power = series.power(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        return power.isEmpty() ? Long.MIN_VALUE : power.get(power.size() - 1).at();
    }

    @Test
    void aTrimmedCopyCoversOnlyItsNewestSamplesAndSendsOlderQueriesToTheStore() {
        KeyValueStore<Bytes, byte[]> store = Stores.inMemoryKeyValueStore("s").get();
        SampleCache cache = new SampleCache(2, 0, 1_000);
        SeriesStore series = new SeriesStore(store, METER, "import", cache);
        for (int i = 0; i < 10; i++) {
            series.putRegister(new Sample(i * MINUTE, i, false));
        }
        assertThat(cache.get(SampleCache.key(METER, "import"), SeriesKeys.REGISTER)).isNull();
        assertThat(series.register(9 * MINUTE)).isEqualTo(new Sample(9 * MINUTE, 9, false));
        RecentSamples held = cache.get(SampleCache.key(METER, "import"), SeriesKeys.REGISTER);
        assertThat(held.complete()).isFalse();
        assertThat(held.coveredFrom()).isEqualTo(8 * MINUTE);
        series.putRegister(new Sample(10 * MINUTE, 10, false));
        assertThat(held.size()).isEqualTo(2);
        assertThat(held.coveredFrom()).isEqualTo(9 * MINUTE);
        // Before the covered span, answers come from the store.
        assertThat(series.register(3 * MINUTE)).isEqualTo(new Sample(3 * MINUTE, 3, false));
        assertThat(series.registersAround(5 * MINUTE, 5 * MINUTE, 2, 0, 10 * MINUTE).readings())
                .extracting(Sample::value).containsExactly(3.0, 4.0, 5.0, 6.0, 7.0);
        assertThat(series.firstRegister()).isZero();
    }

    @Test
    void evictingOldReadingsTrimsTheCopyLikeTheStoreAndTheBudgetDropsTheLeastRecentlyUsedSeries() {
        KeyValueStore<Bytes, byte[]> store = Stores.inMemoryKeyValueStore("s").get();
        SampleCache cache = new SampleCache(64, Resolution.HOURLY.sizeMs(), 5);
        SeriesStore a = new SeriesStore(store, "a", "import", cache);
        SeriesStore b = new SeriesStore(store, "b", "import", cache);
        a.putRegister(new Sample(0, 1, false));
        a.register(0);
        a.putRegister(new Sample(MINUTE, 2, false));
        a.putRegister(new Sample(2 * MINUTE, 3, false));
        assertThat(cache.size()).isEqualTo(3);
        b.register(0);
        b.putRegister(new Sample(0, 1, false));
        b.putRegister(new Sample(MINUTE, 1, false));
        b.putRegister(new Sample(2 * MINUTE, 1, false));
        assertThat(cache.get(SampleCache.key("a", "import"), SeriesKeys.REGISTER)).isNull();
        assertThat(cache.size()).isEqualTo(3);
        b.evictBefore(Resolution.HOURLY.sizeMs());
        // the store keeps the two newest register readings before the frozen hour, and so does the copy
        RecentSamples held = cache.get(SampleCache.key("b", "import"), SeriesKeys.REGISTER);
        assertThat(held.size()).isEqualTo(2);
        assertThat(held.complete()).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(b.registersAround(0, 0, 4, 0, 2 * MINUTE).readings()).hasSize(2);
        assertThat(a.registersAround(0, 0, 4, 0, 2 * MINUTE).readings()).hasSize(3);
    }

    private static long lastRegister(SampleSeries series) {
        List<Sample> all = registers(series);
        return all.isEmpty() ? Long.MIN_VALUE : all.get(all.size() - 1).at();
    }

    /** Every register reading of the series (a window with more neighbours allowed than there are readings). */
    private static List<Sample> registers(SampleSeries series) {
        return new ArrayList<>(series.registersAround(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4, 1_000_000,
                Long.MIN_VALUE, Long.MAX_VALUE).readings());
    }
}
