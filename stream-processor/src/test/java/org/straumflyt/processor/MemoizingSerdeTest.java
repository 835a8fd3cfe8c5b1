package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.processor.assignment.MeterAssignment;

class MemoizingSerdeTest {
    private final JsonSerde<MeterAssignment> json = new JsonSerde<>(MeterAssignment.class);

    private static MeterAssignment assignment(String building, String meter) {
        return new MeterAssignment(building, new MeterSpec(meter, Carrier.DISTRICT_HEATING, List.of("import"),
                99_999.0, 250.0));
    }

    @Test
    void equalBytesAreDecodedOnceAndGiveTheSameValueAsThePlainSerde() {
        MemoizingSerde<MeterAssignment> serde = new MemoizingSerde<>(json, 10);
        Deserializer<MeterAssignment> deserializer = serde.deserializer();
        byte[] bytes = serde.serializer().serialize("t", assignment("b-1", "m-1"));

        MeterAssignment first = deserializer.deserialize("t", bytes);
        MeterAssignment second = deserializer.deserialize("t", bytes.clone());

        assertThat(first).isEqualTo(json.deserializer().deserialize("t", bytes)).isEqualTo(assignment("b-1", "m-1"));
        assertThat(second).isSameAs(first);
        assertThat(serde.size()).isEqualTo(1);
    }

    @Test
    void aReusedArrayDoesNotChangeWhatWasRemembered() {
        MemoizingSerde<MeterAssignment> serde = new MemoizingSerde<>(json, 10);
        Deserializer<MeterAssignment> deserializer = serde.deserializer();
        byte[] a = serde.serializer().serialize("t", assignment("b-1", "m-1"));
        byte[] b = serde.serializer().serialize("t", assignment("b-2", "m-1"));
        byte[] buffer = a.clone();

        deserializer.deserialize("t", buffer);
        System.arraycopy(b, 0, buffer, 0, Math.min(b.length, buffer.length));

        assertThat(deserializer.deserialize("t", a)).isEqualTo(assignment("b-1", "m-1"));
        assertThat(deserializer.deserialize("t", b)).isEqualTo(assignment("b-2", "m-1"));
    }

    @Test
    void beyondItsCapacityItStartsAfreshAndStillDecodesRight() {
        MemoizingSerde<MeterAssignment> serde = new MemoizingSerde<>(json, 3);
        Deserializer<MeterAssignment> deserializer = serde.deserializer();
        for (int i = 0; i < 10; i++) {
            byte[] bytes = serde.serializer().serialize("t", assignment("b-" + i, "m-" + i));
            assertThat(deserializer.deserialize("t", bytes)).isEqualTo(assignment("b-" + i, "m-" + i));
            assertThat(serde.size()).isBetween(1, 3);
        }
    }

    @Test
    void nullIsATombstoneAndBadBytesFailAsWithThePlainSerde() {
        MemoizingSerde<MeterAssignment> serde = new MemoizingSerde<>(json, 3);

        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"buildingId\":".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThat(serde.size()).isZero();
    }
}
