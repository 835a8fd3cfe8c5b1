package org.straumflyt.ingest.fuzz;

import java.util.List;
import org.straumflyt.ingest.format.Decoding;
import org.straumflyt.ingest.format.FormatName;

/**
 * Each payload format under fuzzing: its real payloads (the format tests' fixtures) to mutate, and a route and topic
 * shaped as a deployment would configure them. {@code ids} and {@code topic} are relative to a prefix, so that tests
 * on a shared broker do not see each other's messages.
 */
enum FuzzFormat {
    CANONICAL(FormatName.CANONICAL, "canonical/#", "", "canonical/gw-1",
            List.of("canonical/gateway-array.json"),
            List.of("{\"meterId\":\"m-1\",\"kind\":\"ENERGY_REGISTER\",\"value\":1234.5,"
                    + "\"timestamp\":\"2026-01-05T09:00:00Z\"}")),
    AMS(FormatName.AMS, "ams/#", "ams/{buildingId}/{meterId}", "ams/skole-1/el-hoved",
            List.of("ams/aidon-hourly.json", "ams/kamstrup-list2.json", "ams/unsynced-clock.json"), List.of()),
    SHELLY(FormatName.SHELLY, "shelly/#", "shelly/{meterId}/+/+", "shelly/shellypro3em-a8032ab12345/status/em:0",
            List.of("shelly/pro3em-em.json", "shelly/pro3em-emdata.json", "shelly/plus1pm-switch.json",
                    "shelly/proem-em1data.json", "shelly/plus1pm-notify-status.json",
                    "shelly/pro4pm-notify-status-channel.json", "shelly/notify-event-input.json",
                    "shelly/notify-status-wifi.json"), List.of()),
    TASMOTA(FormatName.TASMOTA, "tele/+/SENSOR", "tele/{meterId}/SENSOR", "tele/plug-1/SENSOR",
            List.of("tasmota/pow-r2.json", "tasmota/bidirectional-with-offset.json",
                    "tasmota/two-channel-per-channel-totals.json", "tasmota/two-channel-summed-total.json"),
            List.of()),
    SENML(FormatName.SENML, "senml/#", "", "senml/gw-1",
            List.of("senml/rfc-energy-power.json", "senml/power-with-sum.json", "senml/relative-time.json"),
            List.of()),
    TEMPERATURE(FormatName.TEMPERATURE, "weather/#", "", "weather/gw-1",
            List.of("temperature/gateway-array.json"), List.of()),
    TASMOTA_TEMPERATURE(FormatName.TASMOTA_TEMPERATURE, "tele-t/+/SENSOR", "", "tele-t/probe-1/SENSOR",
            List.of("tasmota/ds18b20.json", "tasmota/si7021.json", "tasmota/bme280-fahrenheit.json",
                    "tasmota/ds18b20-power-on-reset.json"), List.of());

    final FormatName format;
    final String filter;
    final String ids;
    final String topic;
    private final List<String> fixtures;
    private final List<String> inline;

    FuzzFormat(FormatName format, String filter, String ids, String topic, List<String> fixtures,
            List<String> inline) {
        this.format = format;
        this.filter = filter;
        this.ids = ids;
        this.topic = topic;
        this.fixtures = fixtures;
        this.inline = inline;
    }

    /** The real payloads mutations start from. */
    List<String> seeds() {
        return java.util.stream.Stream.concat(fixtures.stream().map(Decoding::fixture), inline.stream()).toList();
    }

    /** The route name of this format in an ingest configuration. */
    String routeName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    /** A fixed location id for the temperature routes (their topics carry none). */
    String locationId() {
        return format.measuresTemperature() ? "fuzz-location" : null;
    }
}
