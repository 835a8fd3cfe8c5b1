package org.straumflyt.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.straumflyt.ingest.format.Decoding.fixture;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

class ShellyFormatTest {
    private final Decoding shelly = Decoding.route(FormatName.SHELLY, "+/status/+", "{meterId}/status/+");

    @Test
    void switchStatusGivesPowerAndRegisterInCanonicalUnitsAtArrival() {
        // Given a Plus 1PM switch status (apower W, aenergy.total Wh)
        List<Reading> readings = shelly.readings("shellyplus1pm-a8032ab12345/status/switch:0",
                fixture("shelly/plus1pm-switch.json"));

        // Then power is in kW and the register in kWh, both stamped with the arrival time
        assertThat(readings).extracting(Reading::meterId, Reading::register, Reading::kind, Reading::value)
                .containsExactly(
                        tuple("shellyplus1pm-a8032ab12345", "import", ReadingKind.POWER, 0.0257),
                        tuple("shellyplus1pm-a8032ab12345", "import", ReadingKind.ENERGY_REGISTER, 0.913252));
        assertThat(readings).extracting(Reading::timestamp).containsOnly(Decoding.RECEIVED);
    }

    @Test
    void channelFromTopicIsPartOfTheMeterId() {
        Decoding perChannel = Decoding.route(FormatName.SHELLY, "+/status/+", "{meterId}/status/switch:{channel}");

        List<Reading> readings = perChannel.readings("shellypro4pm-1/status/switch:3", fixture("shelly/plus1pm-switch.json"));

        assertThat(readings).extracting(Reading::meterId).containsOnly("shellypro4pm-1-3");
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
        // while a metering component with a bad value still is one
        assertThat(rpc.rejected("shellyplus1pm-a8032ab12345/events/rpc",
                "{\"method\":\"NotifyStatus\",\"params\":{\"ts\":1736926212,\"switch:0\":{\"apower\":\"n/a\"}}}")
                .reason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
    }
}
