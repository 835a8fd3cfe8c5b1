package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

class CanonicalFormatTest {
    private final Decoding canonical = Decoding.route(FormatName.CANONICAL, "straumflyt/readings/#",
            "straumflyt/readings/{buildingId}/{meterId}");

    @Test
    void arrayGivesOneReadingPerElementInCanonicalUnits() {
        List<Reading> readings = canonical.readings("straumflyt/readings/gw", fixture("canonical/gateway-array.json"));

        assertThat(readings).extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value,
                Reading::timestamp, Reading::carrier).containsExactly(
                        tuple("fv-skole1", "import", ReadingKind.ENERGY_REGISTER, 88213.4,
                                Instant.parse("2026-01-05T09:00:00Z"), Carrier.DISTRICT_HEATING),
                        tuple("el-skole1", "export", ReadingKind.POWER, -2.4,
                                Instant.parse("2026-01-05T09:00:00Z"), Carrier.ELECTRICITY),
                        tuple("el-skole1", "import", ReadingKind.INTERVAL_ENERGY, 12.75,
                                Instant.parse("2026-01-05T09:00:00Z"), Carrier.ELECTRICITY));
        assertThat(readings.get(2).intervalStart()).isEqualTo(Instant.parse("2026-01-05T08:45:00Z"));
        assertThat(readings.get(0).buildingId()).isEqualTo("skole-1");
    }

    @Test
    void idsComeFromTheTopicWhenThePayloadHasNone() {
        List<Reading> readings = canonical.readings("straumflyt/readings/skole-2/el-1",
                "{\"kind\":\"POWER\",\"value\":3.5,\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(readings).extracting(Reading::meterId, Reading::buildingId, Reading::value)
                .containsExactly(tuple("el-1", "skole-2", 3.5));
    }

    @Test
    void payloadMeterIdWinsOverTheTopic() {
        List<Reading> readings = canonical.readings("straumflyt/readings/skole-2/el-1",
                "{\"meterId\":\"el-9\",\"kind\":\"POWER\",\"value\":3.5,\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(readings.get(0).meterId()).isEqualTo("el-9");
    }

    @Test
    void powerUnitForARegisterIsAnUnknownUnit() {
        var letter = canonical.rejected("straumflyt/readings/gw", "{\"meterId\":\"m\",\"kind\":\"ENERGY_REGISTER\","
                + "\"value\":3,\"unit\":\"kW\",\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_UNIT);
    }

    @Test
    void intervalWithoutStartIsUnparseable() {
        var letter = canonical.rejected("straumflyt/readings/gw", "{\"meterId\":\"m\",\"kind\":\"INTERVAL_ENERGY\","
                + "\"value\":3,\"timestamp\":\"2026-01-05T10:00:00Z\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail()).contains("intervalStart");
    }

    @Test
    void timeWithoutOffsetIsUnparseable() {
        var letter = canonical.rejected("straumflyt/readings/gw", "{\"meterId\":\"m\",\"kind\":\"POWER\","
                + "\"value\":3,\"timestamp\":\"2026-01-05T10:00:00\"}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail()).contains("timestamp");
    }

    @Test
    void aPayloadOtherThanAnObjectOrANonEmptyArrayIsUnparseable() {
        assertThat(canonical.rejected("straumflyt/readings/gw", "[]").detail()).isEqualTo("empty array: no readings");
        assertThat(canonical.rejected("straumflyt/readings/gw", "42").detail())
                .isEqualTo("expected a reading object or an array of them, got NUMBER");
        var notAnObject = canonical.rejected("straumflyt/readings/gw",
                "[{\"meterId\":\"m\",\"kind\":\"POWER\",\"value\":3,\"timestamp\":\"2026-01-05T10:00:00Z\"}, 7]");
        assertThat(notAnObject.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(notAnObject.detail()).isEqualTo("element 1 is not an object");
    }

    @Test
    void aBadElementOfAnArrayIsNamedByItsIndexOnceAndKeepsItsReason() {
        String good = "{\"meterId\":\"m\",\"kind\":\"POWER\",\"value\":3,\"timestamp\":\"2026-01-05T10:00:00Z\"}";

        var noMeter = canonical.rejected("straumflyt/readings/gw",
                "[" + good + ", {\"kind\":\"POWER\",\"value\":3,\"timestamp\":\"2026-01-05T10:00:00Z\"}]");
        var badCarrier = canonical.rejected("straumflyt/readings/gw",
                "[" + good + ", " + good.replace("}", ",\"carrier\":\"steam\"}") + "]");

        assertThat(noMeter.reason()).isEqualTo(DeadLetterReason.MISSING_METER_ID);
        assertThat(noMeter.detail()).isEqualTo("element 1: no meterId in the reading nor in the topic");
        assertThat(badCarrier.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(badCarrier.detail()).startsWith("element 1: unknown Carrier 'steam'");
        assertThat(canonical.rejected("straumflyt/readings/gw", good.replace("}", ",\"carrier\":\"steam\"}")).detail())
                .startsWith("unknown Carrier 'steam'");
    }
}
