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

class SenmlFormatTest {
    private final Decoding senml = Decoding.route(FormatName.SENML, "senml/#", "");

    @Test
    void baseNameAndTimeApplyToFollowingRecords() {
        List<Reading> readings = senml.readings("senml/gw-1", fixture("senml/rfc-energy-power.json"));

        Instant at = Instant.ofEpochSecond(1700002800);
        assertThat(readings).extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value,
                Reading::timestamp).containsExactly(
                        tuple("urn:dev:mac:0024befffe804ff1", "import", ReadingKind.ENERGY_REGISTER, 412345.678, at),
                        tuple("urn:dev:mac:0024befffe804ff1", "import", ReadingKind.POWER, 23.45, at),
                        tuple("urn:dev:mac:0024befffe804ff1", "export", ReadingKind.ENERGY_REGISTER, 12.5, at));
    }

    @Test
    void sumOfPowerIsEnergyInJoules() {
        List<Reading> readings = senml.readings("senml/gw-1", fixture("senml/power-with-sum.json"));

        // v is the power; s (W·s = J) would only be used without v
        assertThat(readings).extracting(Reading::kind, Reading::value).containsExactly(tuple(ReadingKind.POWER, 1.2));

        List<Reading> sumOnly = senml.readings("senml/gw-1",
                "[{\"bn\":\"m1:\",\"n\":\"power\",\"u\":\"W\",\"s\":7200000,\"bt\":1700002800}]");
        assertThat(sumOnly).extracting(Reading::kind, Reading::value).containsExactly(
                tuple(ReadingKind.ENERGY_REGISTER, 2.0));
    }

    @Test
    void smallTimesAreRelativeToArrival() {
        List<Reading> readings = senml.readings("senml/gw-1", fixture("senml/relative-time.json"));

        assertThat(readings.get(0).timestamp()).isEqualTo(Decoding.RECEIVED.minusSeconds(10));
        assertThat(readings.get(0).meterId()).isEqualTo("meter-7");
    }

    @Test
    void unitOtherThanEnergyOrPowerIsUnknown() {
        var letter = senml.rejected("senml/gw-1", fixture("senml/temperature.json"));

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_UNIT);
        assertThat(letter.detail()).contains("Cel");
    }

    @Test
    void recordWithStringValueIsUnparseable() {
        var letter = senml.rejected("senml/gw-1", "[{\"bn\":\"m1:\",\"n\":\"power\",\"u\":\"W\",\"vs\":\"high\"}]");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }
}
