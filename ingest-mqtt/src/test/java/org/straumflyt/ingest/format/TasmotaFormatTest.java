package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.DeadLetter;
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
    void liveMessageInTheRepeatedAutumnHourTakesTheOffsetNearestItsArrival() {
        // 02:30 happens twice in Oslo on 2025-10-26: first at UTC+2 (00:30Z), then at UTC+1 (01:30Z)
        String message = "{\"Time\":\"2025-10-26T02:30:00\",\"ENERGY\":{\"Total\":1.0}}";

        Instant first = tasmota.readings("tele/pow-a/SENSOR", message, Instant.parse("2025-10-26T00:30:02Z"),
                Delivery.LIVE).get(0).timestamp();
        Instant second = tasmota.readings("tele/pow-b/SENSOR", message, Instant.parse("2025-10-26T01:30:02Z"),
                Delivery.LIVE).get(0).timestamp();

        assertThat(first).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(second).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
    }

    @Test
    void autumnNightReplayedLongAfterFollowsTheDeviceSequence() {
        // Given a device's every-5-minute messages of the night of the autumn change, in its local time, delivered
        // all at once a day later (a backlog: the arrival says nothing about which pass of 02:xx a message is)
        Instant arrival = Instant.parse("2025-10-27T09:00:00Z");
        Instant trueTime = Instant.parse("2025-10-25T23:00:00Z");
        List<Instant> stamped = new ArrayList<>();
        List<Instant> expected = new ArrayList<>();
        for (; trueTime.isBefore(Instant.parse("2025-10-26T03:00:00Z")); trueTime = trueTime.plusSeconds(300)) {
            String local = LocalDateTime.ofInstant(trueTime, ZoneId.of("Europe/Oslo")).toString();
            String message = "{\"Time\":\"" + local + ":00\",\"ENERGY\":{\"Total\":1.0}}";
            stamped.add(tasmota.readings("tele/pow/SENSOR", message, arrival, Delivery.REPLAYED).get(0).timestamp());
            expected.add(trueTime);
        }

        // Then every message lands at its true instant: 02:00-02:55 twice, an hour apart, nothing folded together
        assertThat(stamped).hasSize(48).containsExactlyElementsOf(expected);
    }

    @Test
    void messageOfTheRepeatedHourOvertakenByLaterOnesStillTakesItsOwnPass() {
        // Given the device's sequence has reached 02:50 of the first pass (00:50Z), live
        tasmota.readings("tele/pow/SENSOR", "{\"Time\":\"2025-10-26T02:50:00\",\"ENERGY\":{\"Total\":1.1}}",
                Instant.parse("2025-10-26T00:50:03Z"), Delivery.LIVE);

        // When a message of 02:40, held back on the way for a day, arrives after it
        Instant arrival = Instant.parse("2025-10-27T09:00:00Z");
        Instant late = tasmota.readings("tele/pow/SENSOR",
                "{\"Time\":\"2025-10-26T02:40:00\",\"ENERGY\":{\"Total\":1.0}}", arrival, Delivery.LIVE)
                .get(0).timestamp();

        // Then it is read in the first pass too
        assertThat(late).isEqualTo(Instant.parse("2025-10-26T00:40:00Z"));
    }

    @Test
    void repeatedHourThatNeitherSequenceNorArrivalSettlesIsSetAside() {
        // Given no earlier message of this device, and an arrival a day later
        DeadLetter letter = tasmota.rejected("tele/pow-new/SENSOR",
                "{\"Time\":\"2025-10-26T02:30:00\",\"ENERGY\":{\"Total\":1.0}}",
                Instant.parse("2025-10-27T09:00:00Z"), Delivery.LIVE);

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.AMBIGUOUS_LOCAL_TIME);
        assertThat(letter.detail()).contains("2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z", "SetOption52");
    }

    @Test
    void timeInTheSpringGapMovesForwardByTheGap() {
        // 02:30 does not exist in Oslo on 2025-03-30: the clock jumped from 02:00 to 03:00 (01:00Z)
        List<Reading> readings = tasmota.readings("tele/pow/SENSOR",
                "{\"Time\":\"2025-03-30T02:30:00\",\"ENERGY\":{\"Total\":1.0}}",
                Instant.parse("2025-03-30T01:30:05Z"), Delivery.LIVE);

        assertThat(readings.get(0).timestamp()).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void messageWithoutTimeIsBookedAtArrivalOnlyWhenLive() {
        String message = "{\"ENERGY\":{\"Total\":1.0}}";

        assertThat(tasmota.readings("tele/pow/SENSOR", message, Decoding.RECEIVED, Delivery.LIVE).get(0).timestamp())
                .isEqualTo(Decoding.RECEIVED);
        assertThat(tasmota.rejected("tele/pow/SENSOR", message, Decoding.RECEIVED, Delivery.REPLAYED).reason())
                .isEqualTo(DeadLetterReason.UNTIMED_REPLAY);
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
