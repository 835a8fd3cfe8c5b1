package org.straumflyt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.bench.IngestRoutes;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.ingest.format.Delivery;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.simulator.Pacing;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.publish.Outgoing;
import org.straumflyt.simulator.publish.Schedule;

/**
 * The simulator backfills history in every format in a form that carries its time: decoded by ingest with the
 * pipeline's routes a day after it was measured, and as replayed history, every register reading of every format
 * lands at the moment the simulator generated it. (No servers: the messages go straight to ingest's decoder.)
 */
class SimulatorBackfillCarriesTimeTest {

    @Test
    void everyFormatsRegisterReadingsLandAtTheirSimulatedTimeWhenDeliveredADayLate() {
        // Given two hours of a fleet in every format, without faults, generated a day ago
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(26));
        SimulationOptions options = new SimulationOptions(5, 10, "9301", List.of(PayloadFormat.values()), start,
                Duration.ofHours(2), new Pacing.Max(), FaultPlan.NONE, "tcp://127.0.0.1:1", null, "sim.", null);
        Schedule schedule = new Simulation(options, new PrintStream(OutputStream.nullOutputStream())).schedule();
        MessageDecoder decoder = IngestRoutes.decoder(options.mqttUri());

        // When ingest decodes each message now, as history the broker replays
        Instant now = Instant.now();
        Map<String, Integer> registersByFormat = new HashMap<>();
        while (schedule.hasNext()) {
            Outgoing next = schedule.next();
            Decoded decoded = decoder.decode(next.message().topic(), next.message().payload(), now, Delivery.REPLAYED);

            // Then it gives readings, and every register reading is at the time the simulator sent it
            assertThat(decoded).as("%s", next.message().topic()).isInstanceOf(Decoded.Readings.class);
            Decoded.Readings readings = (Decoded.Readings) decoded;
            for (Reading reading : readings.readings()) {
                if (reading.kind() == ReadingKind.ENERGY_REGISTER) {
                    assertThat(reading.timestamp()).as("%s %s", readings.format(), next.message().topic())
                            .isEqualTo(next.sendAt());
                    registersByFormat.merge(readings.format(), 1, Integer::sum);
                }
            }
        }
        assertThat(registersByFormat).as("register readings per format")
                .containsOnlyKeys("canonical", "ams", "shelly", "tasmota", "senml")
                .allSatisfy((format, count) -> assertThat(count).isPositive());
    }
}
