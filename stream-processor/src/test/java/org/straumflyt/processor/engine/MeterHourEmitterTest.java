package org.straumflyt.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.HourValue;

/** When the emitter sends a meter-hour, with and without a pending store. */
class MeterHourEmitterTest {
    private static final long HOUR = 1_700_000_000_000L / Resolution.HOURLY.sizeMs() * Resolution.HOURLY.sizeMs();

    private final List<MeterHour> sent = new ArrayList<>();
    private KeyValueStore<Bytes, byte[]> state;
    private KeyValueStore<Bytes, byte[]> pending;

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        state = store("state", context);
        pending = store("pending", context);
    }

    private static KeyValueStore<Bytes, byte[]> store(String name, MockProcessorContext<Object, Object> context) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private static HourValue kwh(double energy) {
        return new HourValue(HOUR, energy, null, Resolution.HOURLY.sizeMs(), EnergySource.REGISTER, Set.of());
    }

    private int update(MeterHourEmitter emitter, HourValue value) {
        return emitter.update("m1", "import", Carrier.ELECTRICITY, "b1", List.of(value), sent::add);
    }

    @Test
    void pendingHourGoesOutOnFlushWithTheNewestValueOnce() {
        MeterHourEmitter emitter = new MeterHourEmitter(Resolution.HOURLY, state, pending);
        assertThat(update(emitter, kwh(1.0))).isZero();
        update(emitter, kwh(2.0));
        assertThat(sent).isEmpty();

        assertThat(emitter.flush(sent::add)).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(h -> {
            assertThat(h.energyKwh()).isEqualTo(2.0);
            assertThat(h.revision()).isEqualTo(1);
            assertThat(h.buildingId()).isEqualTo("b1");
        });
        assertThat(emitter.flush(sent::add)).isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void recomputedHourEqualToWhatWasSentIsNotSentAgain() {
        MeterHourEmitter emitter = new MeterHourEmitter(Resolution.HOURLY, state, pending);
        update(emitter, kwh(1.0));
        emitter.flush(sent::add);

        update(emitter, kwh(1.0));
        assertThat(emitter.flush(sent::add)).isZero();
        // changed and changed back between two flushes: nothing new to send either
        update(emitter, kwh(5.0));
        update(emitter, kwh(1.0));
        assertThat(emitter.flush(sent::add)).isZero();
        assertThat(sent).hasSize(1);

        update(emitter, kwh(1.5));
        assertThat(emitter.flush(sent::add)).isEqualTo(1);
        assertThat(sent).extracting(MeterHour::revision).containsExactly(1L, 2L);
        assertThat(sent.get(1).energyKwh()).isEqualTo(1.5);
    }

    @Test
    void withoutPendingStoreChangedHoursGoOutAtOnceAndUnchangedOnesDoNot() {
        MeterHourEmitter emitter = new MeterHourEmitter(Resolution.HOURLY, state, null);
        assertThat(update(emitter, kwh(1.0))).isEqualTo(1);
        assertThat(update(emitter, kwh(1.0))).isZero();
        assertThat(update(emitter, kwh(3.0))).isEqualTo(1);
        assertThat(emitter.flush(sent::add)).isZero();
        assertThat(sent).extracting(MeterHour::revision).containsExactly(1L, 2L);
    }
}
