package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.ingest.format.shelly.ShellyFormat;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

class ShellyFormatTest {
    private final Decoding shelly = Decoding.route(FormatName.SHELLY, "+/status/+", "{meterId}/status/+");

    /** The fixture's {@code aenergy.minute_ts}: the minute boundary at which its total was closed. */
    private static final Instant MINUTE = Instant.ofEpochSecond(1782936360);

    @Test
    void liveSwitchStatusGivesTheRegisterAtItsMinuteAndThePowerAtArrival() {
        // Given a Plus 1PM switch status (apower W, aenergy.total Wh) that arrives 20 s into its minute
        Instant arrival = MINUTE.plusSeconds(20);
        List<Reading> readings = shelly.readings("shellyplus1pm-a8032ab12345/status/switch:0",
                fixture("shelly/plus1pm-switch.json"), arrival, Delivery.LIVE);

        // Then power is in kW at the arrival, and the register in kWh at the device's minute
        assertThat(readings)
                .extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value, Reading::timestamp)
                .containsExactly(
                        tuple("shellyplus1pm-a8032ab12345", "import", ReadingKind.POWER, 0.0257, arrival),
                        tuple("shellyplus1pm-a8032ab12345", "import", ReadingKind.ENERGY_REGISTER, 0.913252, MINUTE));
    }

    @Test
    void switchStatusArrivingHoursLateLandsAtItsMinuteWithoutThePowerOfAnUnknownSecond() {
        // Given the same status delivered three hours late (a backlog after an outage), even as a first delivery
        List<Reading> readings = shelly.readings("shellyplus1pm-a8032ab12345/status/switch:0",
                fixture("shelly/plus1pm-switch.json"), MINUTE.plus(Duration.ofHours(3)), Delivery.LIVE);

        // Then only the register remains, at the device's minute
        assertThat(readings).extracting(Reading::kind, Reading::value, Reading::timestamp)
                .containsExactly(tuple(ReadingKind.ENERGY_REGISTER, 0.913252, MINUTE));
    }

    @Test
    void powerIsLiveUpToTheWindowAfterTheMinuteAndNotAfter() {
        String status = fixture("shelly/plus1pm-switch.json");
        Instant lastLive = MINUTE.plus(ShellyFormat.LIVE_WINDOW);

        assertThat(shelly.readings("s-1/status/switch:0", status, lastLive, Delivery.LIVE))
                .extracting(Reading::kind).containsExactly(ReadingKind.POWER, ReadingKind.ENERGY_REGISTER);
        assertThat(shelly.readings("s-1/status/switch:0", status, lastLive.plusMillis(1), Delivery.LIVE))
                .extracting(Reading::kind).containsExactly(ReadingKind.ENERGY_REGISTER);
    }

    @Test
    void everyStatusOfOneMinuteGivesTheSameRegisterReading() {
        // Given two statuses of the same minute, sent on a power change and 40 s later
        String first = fixture("shelly/plus1pm-switch.json");
        String second = first.replace("\"apower\":25.7", "\"apower\":1830.2");

        Reading a = register(shelly.readings("s-1/status/switch:0", first, MINUTE.plusSeconds(5), Delivery.LIVE));
        Reading b = register(shelly.readings("s-1/status/switch:0", second, MINUTE.plusSeconds(45), Delivery.LIVE));

        // Then their register readings are equal: a duplicate for the processor, never a conflict
        assertThat(b.timestamp()).isEqualTo(a.timestamp()).isEqualTo(MINUTE);
        assertThat(b.value()).isEqualTo(a.value());
    }

    @Test
    void returnedEnergyIsStampedAtItsOwnMinute() {
        String status = "{\"id\":0,\"apower\":-120.0,\"aenergy\":{\"total\":10.0,\"minute_ts\":1782936360},"
                + "\"ret_aenergy\":{\"total\":2500.5,\"by_minute\":[0,0,0],\"minute_ts\":1782936300}}";

        List<Reading> readings = shelly.readings("s-1/status/switch:0", status, MINUTE.plusSeconds(1), Delivery.LIVE);

        assertThat(readings).extracting(Reading::register, Reading::kind, Reading::value, Reading::timestamp)
                .containsExactly(
                        tuple("import", ReadingKind.POWER, -0.12, MINUTE.plusSeconds(1)),
                        tuple("import", ReadingKind.ENERGY_REGISTER, 0.01, MINUTE),
                        tuple("export", ReadingKind.ENERGY_REGISTER, 2.5005, MINUTE.minusSeconds(60)));
    }

    @Test
    void returnedEnergyWithoutAMinuteOfItsOwnTakesTheImportCounters() {
        String status = "{\"id\":0,\"apower\":0.0,\"aenergy\":{\"total\":10.0,\"minute_ts\":1782936360},"
                + "\"ret_aenergy\":{\"total\":2500.5}}";

        List<Reading> readings = shelly.readings("s-1/status/switch:0", status, MINUTE.plus(Duration.ofHours(2)),
                Delivery.REPLAYED);

        assertThat(readings).extracting(Reading::register, Reading::timestamp)
                .containsExactly(tuple("import", MINUTE), tuple("export", MINUTE));
    }

    @Test
    void statusWithoutMinuteIsStampedAtArrivalWhenLiveAndSetAsideWhenReplayed() {
        // Given an EMData status: totals without any time of the device
        String emdata = fixture("shelly/pro3em-emdata.json");

        // Then live, it is booked at its arrival
        assertThat(shelly.readings("shellypro3em-1/status/emdata:0", emdata, Decoding.RECEIVED, Delivery.LIVE))
                .extracting(Reading::timestamp).containsOnly(Decoding.RECEIVED);
        // and redelivered after a reconnect, it is a dead letter rather than history booked as now
        assertThat(shelly.rejected("shellypro3em-1/status/emdata:0", emdata, Decoding.RECEIVED, Delivery.REPLAYED)
                .reason()).isEqualTo(DeadLetterReason.UNTIMED_REPLAY);
    }

    @Test
    void replayedSwitchStatusKeepsItsRegisterBecauseItCarriesItsMinute() {
        List<Reading> readings = shelly.readings("s-1/status/switch:0", fixture("shelly/plus1pm-switch.json"),
                MINUTE.plus(Duration.ofHours(1)), Delivery.REPLAYED);

        assertThat(readings).extracting(Reading::kind, Reading::timestamp)
                .containsExactly(tuple(ReadingKind.ENERGY_REGISTER, MINUTE));
    }

    @Test
    void channelFromTopicIsPartOfTheMeterId() {
        Decoding perChannel = Decoding.route(FormatName.SHELLY, "+/status/+", "{meterId}/status/switch:{channel}");

        List<Reading> readings = perChannel.readings("shellypro4pm-1/status/switch:3",
                fixture("shelly/plus1pm-switch.json"), MINUTE.plusSeconds(1), Delivery.LIVE);

        assertThat(readings).extracting(Reading::meterId).containsOnly("shellypro4pm-1-3");
    }

    private static Reading register(List<Reading> readings) {
        return readings.stream().filter(r -> r.kind() == ReadingKind.ENERGY_REGISTER).findFirst().orElseThrow();
    }

    @Test
    void threePhaseEmDataGivesImportAndExportRegisters() {
        List<Reading> readings = shelly.readings("shellypro3em-1/status/emdata:0", fixture("shelly/pro3em-emdata.json"));

        assertThat(readings).extracting(Reading::register, Reading::kind, Reading::value).containsExactly(
                tuple("import", ReadingKind.ENERGY_REGISTER, 4.52177),
                tuple("export", ReadingKind.ENERGY_REGISTER, 0.01205));
    }

    @Test
    void threePhaseEmGivesTotalActivePower() {
        List<Reading> readings = shelly.readings("shellypro3em-1/status/em:0", fixture("shelly/pro3em-em.json"));

        assertThat(readings).extracting(Reading::kind, Reading::value).containsExactly(tuple(ReadingKind.POWER, 0.7429));
    }

    @Test
    void em1DataGivesRegisters() {
        List<Reading> readings = shelly.readings("shellyproem50-1/status/em1data:1", fixture("shelly/proem-em1data.json"));

        assertThat(readings).extracting(Reading::register, Reading::value).containsExactly(
                tuple("import", 6.6449), tuple("export", 2.59526));
    }

    @Test
    void statusWithoutMeteringFieldsIsUnparseable() {
        var letter = shelly.rejected("shellypro3em-1/status/sys", fixture("shelly/sys-status.json"));

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }

    @Test
    void topicOutsideTheTemplateHasNoMeterId() {
        Decoding strict = Decoding.route(FormatName.SHELLY, "#", "shellies/{meterId}/status/+");

        var letter = strict.rejected("elsewhere/status/switch:0", fixture("shelly/plus1pm-switch.json"));

        assertThat(letter.reason()).isEqualTo(DeadLetterReason.MISSING_METER_ID);
    }

    @Test
    void notifyStatusOnEventsRpcIsStampedWithTheDeviceTime() {
        // Given an RPC NotifyStatus of a Plus 1PM (params.ts = 2025-01-15T07:30:12.43Z in epoch seconds)
        Decoding rpc = Decoding.route(FormatName.SHELLY, "+/events/rpc", "{meterId}/events/rpc");

        List<Reading> readings = rpc.readings("shellyplus1pm-a8032ab12345/events/rpc",
                fixture("shelly/plus1pm-notify-status.json"));

        // Then power and register are read as from a status topic, at the device's time, not at arrival
        assertThat(readings).extracting(Reading::meterId, Reading::kind, Reading::value, Reading::timestamp)
                .containsExactly(
                        tuple("shellyplus1pm-a8032ab12345", ReadingKind.POWER, 0.0257,
                                Instant.parse("2025-01-15T07:30:12.430Z")),
                        tuple("shellyplus1pm-a8032ab12345", ReadingKind.ENERGY_REGISTER, 0.913252,
                                Instant.parse("2025-01-15T07:30:12.430Z")));
    }

    @Test
    void notifyStatusOfAFurtherChannelNamesItsMeterAndMayCarryOnlyPower() {
        // Given a delta notification of channel 2 of a Pro 4PM, on a route without {meterId}: the src names it
        Decoding rpc = Decoding.route(FormatName.SHELLY, "+/events/rpc", "");

        List<Reading> readings = rpc.readings("shellypro4pm-c8f09e8a1b2c/events/rpc",
                fixture("shelly/pro4pm-notify-status-channel.json"));

        assertThat(readings).extracting(Reading::meterId, Reading::kind, Reading::value)
                .containsExactly(tuple("shellypro4pm-c8f09e8a1b2c-2", ReadingKind.POWER, 1210.4 / 1000.0));
    }

    @Test
    void notificationsWithNothingToMeterAreSkippedNotDeadLettered() {
        Decoding rpc = Decoding.route(FormatName.SHELLY, "+/events/rpc", "{meterId}/events/rpc");

        assertThat(rpc.decode("shellyplus1pm-a8032ab12345/events/rpc", fixture("shelly/notify-event-input.json")))
                .isInstanceOfSatisfying(Decoded.Skipped.class, s -> assertThat(s.detail()).contains("NotifyEvent"));
        assertThat(rpc.decode("shellyplus1pm-a8032ab12345/events/rpc", fixture("shelly/notify-status-wifi.json")))
                .isInstanceOf(Decoded.Skipped.class);
        // found by PayloadFuzzTest: an empty or absent method is no status either, not a decoder failure
        assertThat(rpc.decode("shellyplus1pm-a8032ab12345/events/rpc",
                "{\"method\":\"\",\"params\":{\"ts\":1736926212,\"switch:2\":{\"apower\":1210.4}}}"))
                .isInstanceOfSatisfying(Decoded.Skipped.class, s -> assertThat(s.detail()).contains("empty 'method'"));
        // while a metering component with a bad value still is one
        assertThat(rpc.rejected("shellyplus1pm-a8032ab12345/events/rpc",
                "{\"method\":\"NotifyStatus\",\"params\":{\"ts\":1736926212,\"switch:0\":{\"apower\":\"n/a\"}}}")
                .reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }
}
