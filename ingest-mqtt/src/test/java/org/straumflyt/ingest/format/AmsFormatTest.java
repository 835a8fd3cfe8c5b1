package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

class AmsFormatTest {
    private final Decoding ams = Decoding.route(FormatName.AMS, "ams/#", "ams/{buildingId}/{meterId}");

    @Test
    void hourlyMessageGivesPowerAtReaderTimeAndRegistersAtMeterClock() {
        // Given the hourly message of an Aidon meter (list 3: registers and the meter's clock)
        // When it is decoded
        List<Reading> readings = ams.readings("ams/skole-1/el-hoved", fixture("ams/aidon-hourly.json"));

        // Then power is in kW at the reader's time, registers in kWh at the meter's clock; reactive values are left out
        Instant reader = Instant.ofEpochSecond(1700002810);
        Instant meter = Instant.ofEpochSecond(1700002800);
        assertThat(readings).extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value,
                Reading::timestamp).containsExactly(
                        tuple("el-hoved", "import", ReadingKind.POWER, 23.45, reader),
                        tuple("el-hoved", "export", ReadingKind.POWER, 0.0, reader),
                        tuple("el-hoved", "import", ReadingKind.ENERGY_REGISTER, 412345.678, meter),
                        tuple("el-hoved", "export", ReadingKind.ENERGY_REGISTER, 0.0, meter));
        assertThat(readings).allSatisfy(r -> assertThat(r.buildingId()).isEqualTo("skole-1"));
        assertThat(readings).allSatisfy(r -> assertThat(r.origin().format()).isEqualTo("ams"));
    }

    @Test
    void tenSecondMessageWithoutRegistersGivesOnlyPower() {
        List<Reading> readings = ams.readings("ams/skole-1/el-hoved", fixture("ams/kamstrup-list2.json"));

        assertThat(readings).extracting(Reading::register, Reading::kind, Reading::value).containsExactly(
                tuple("import", ReadingKind.POWER, 1.83), tuple("export", ReadingKind.POWER, 0.412));
    }

    @Test
    void readerWithoutClockIsStampedWithArrivalTime() {
        List<Reading> readings = ams.readings("ams/skole-1/el-hoved", fixture("ams/unsynced-clock.json"));

        assertThat(readings).extracting(Reading::timestamp).containsOnly(Decoding.RECEIVED);
    }

    @Test
    void withoutTopicMeterIdTheReaderIdIsUsed() {
        Decoding untemplated = Decoding.route(FormatName.AMS, "ams/#", "");

        List<Reading> readings = untemplated.readings("ams/anything", fixture("ams/aidon-hourly.json"));

        assertThat(readings).extracting(Reading::meterId).containsOnly("a4cf12f0c2ee");
    }

    @Test
    void messageWithoutDataObjectIsUnparseable() {
        var letter = ams.rejected("ams/skole-1/el-hoved", "{\"id\":\"a4cf12f0c2ee\",\"t\":1700002810}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.detail()).contains("data");
    }
}
