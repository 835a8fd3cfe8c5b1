package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

class TasmotaFormatTest {
    private final Decoding tasmota = Decoding.route(FormatName.TASMOTA, "tele/+/SENSOR", "tele/{meterId}/SENSOR");

    @Test
    void localTimeIsReadInTheRouteZone() {
        // Given a POW R2 message whose Time is Oslo summer time (UTC+2)
        List<Reading> readings = tasmota.readings("tele/pow-kjokken/SENSOR", fixture("tasmota/pow-r2.json"));

        // Then the register (kWh) and power (kW) are stamped 2 hours earlier in UTC
        Instant at = Instant.parse("2023-05-19T18:52:56Z");
        assertThat(readings).extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value,
                Reading::timestamp).containsExactly(
                        tuple("pow-kjokken", "import", ReadingKind.ENERGY_REGISTER, 514.153, at),
                        tuple("pow-kjokken", "import", ReadingKind.POWER, 0.056, at));
    }

    @Test
    void perChannelTotalsMakeOneMeterPerChannel() {
        List<Reading> readings = tasmota.readings("tele/dual-r3/SENSOR",
                fixture("tasmota/two-channel-per-channel-totals.json"));

        assertThat(readings).extracting(Reading::meterId, Reading::kind, Reading::value).containsExactly(
                tuple("dual-r3-1", ReadingKind.ENERGY_REGISTER, 2.813),
                tuple("dual-r3-1", ReadingKind.POWER, 0.052),
                tuple("dual-r3-2", ReadingKind.ENERGY_REGISTER, 0.254),
                tuple("dual-r3-2", ReadingKind.POWER, 0.005));
    }

    @Test
    void summedTotalWithChannelPowerGivesOneMeterWithSummedPower() {
        List<Reading> readings = tasmota.readings("tele/dual-r3/SENSOR",
                fixture("tasmota/two-channel-summed-total.json"));

        assertThat(readings).extracting(Reading::meterId, Reading::kind, Reading::value).containsExactly(
                tuple("dual-r3", ReadingKind.ENERGY_REGISTER, 3.067),
                tuple("dual-r3", ReadingKind.POWER, 0.057));
    }

    @Test
    void explicitOffsetWinsAndExportActiveIsTheExportRegister() {
        List<Reading> readings = tasmota.readings("tele/sml-1/SENSOR", fixture("tasmota/bidirectional-with-offset.json"));

        assertThat(readings).extracting(Reading::register, Reading::kind, Reading::value, Reading::timestamp)
                .containsExactly(
                        tuple("import", ReadingKind.ENERGY_REGISTER, 1204.22, Instant.parse("2025-12-02T07:00:04Z")),
                        tuple("export", ReadingKind.ENERGY_REGISTER, 310.004, Instant.parse("2025-12-02T07:00:04Z")),
                        tuple("import", ReadingKind.POWER, 1.81, Instant.parse("2025-12-02T07:00:04Z")));
    }

    @Test
    void ambiguousAutumnHourTakesTheEarlierOffset() {
        // 02:30 happens twice in Oslo on 2025-10-26: first at UTC+2, then at UTC+1
        List<Reading> readings = tasmota.readings("tele/pow/SENSOR",
                "{\"Time\":\"2025-10-26T02:30:00\",\"ENERGY\":{\"Total\":1.0}}");

        assertThat(readings.get(0).timestamp()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
    }

    @Test
    void routeCarrierAndZoneApply() {
        Decoding utc = Decoding.route(FormatName.TASMOTA, "tele/+/SENSOR", "tele/{meterId}/SENSOR", ZoneId.of("UTC"),
                Carrier.DISTRICT_HEATING);

        List<Reading> readings = utc.readings("tele/pow-kjokken/SENSOR", fixture("tasmota/pow-r2.json"));

        assertThat(readings).extracting(Reading::timestamp).containsOnly(Instant.parse("2023-05-19T20:52:56Z"));
        assertThat(readings).extracting(Reading::carrier).containsOnly(Carrier.DISTRICT_HEATING);
    }

    @Test
    void channelArraysOfDifferentLengthAreUnparseable() {
        var letter = tasmota.rejected("tele/dual/SENSOR",
                "{\"Time\":\"2025-09-18T11:19:21\",\"ENERGY\":{\"Total\":[2.8,0.2],\"Power\":[52]}}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }

    @Test
    void stateMessageWithoutEnergyIsUnparseable() {
        var letter = tasmota.rejected("tele/pow/SENSOR", "{\"Time\":\"2025-09-18T11:19:21\",\"AM2301\":{\"Temperature\":21}}");

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }
}
