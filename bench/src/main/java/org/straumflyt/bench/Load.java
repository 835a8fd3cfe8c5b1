package org.straumflyt.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.ingest.bridge.Decoded;
import org.straumflyt.ingest.bridge.MessageDecoder;
import org.straumflyt.simulator.Simulation;
import org.straumflyt.simulator.SimulationOptions;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.format.Message;
import org.straumflyt.simulator.publish.Schedule;

/**
 * A simulated fleet's load, generated once before the phases so that every phase sends the very same messages and
 * the simulator's own generation (load model, JSON encoding) does not compete with the measured processes for the
 * two cores. It holds the MQTT messages in send order, their payload bytes, the readings ingest-mqtt makes of them —
 * counted by ingest's own decoder with the routes the pipeline runs, so "readings" means exactly the records of
 * Kafka's {@code readings} topic that the load becomes — the fleet (for the registry) and the ground truth.
 */
final class Load {
    private final List<Message> messages;
    private final long bytes;
    private final long readings;
    private final long rejected;
    private final List<SimBuilding> fleet;
    private final SimulationOptions options;

    private Load(List<Message> messages, long bytes, long readings, long rejected, List<SimBuilding> fleet,
            SimulationOptions options) {
        this.messages = messages;
        this.bytes = bytes;
        this.readings = readings;
        this.rejected = rejected;
        this.fleet = fleet;
        this.options = options;
    }

    /** Generates the load of {@code options} and writes its ground truth to {@code options.truthDir()}. */
    static Load generate(SimulationOptions options) throws IOException {
        MessageDecoder decoder = IngestRoutes.decoder(options.mqttUri());
        Simulation simulation = new Simulation(options, new PrintStream(OutputStream.nullOutputStream()));
        Schedule schedule = simulation.schedule();
        List<Message> messages = new ArrayList<>();
        long bytes = 0;
        long readings = 0;
        long rejected = 0;
        Instant now = Instant.now();
        while (schedule.hasNext()) {
            Message message = schedule.next().message();
            messages.add(message);
            bytes += message.payload().length;
            if (decoder.decode(message.topic(), message.payload(), now) instanceof Decoded.Readings r) {
                readings += r.readings().size();
            } else {
                rejected++;
            }
        }
        simulation.writeTruth();
        return new Load(List.copyOf(messages), bytes, readings, rejected, simulation.fleet(), options);
    }

    /** The messages in send order. */
    List<Message> messages() {
        return messages;
    }

    long messageCount() {
        return messages.size();
    }

    /** Payload bytes of all messages. */
    long bytes() {
        return bytes;
    }

    /** Readings ingest makes of the messages. */
    long readings() {
        return readings;
    }

    /** Messages ingest would set aside as dead letters (0 for a load without faults). */
    long rejected() {
        return rejected;
    }

    List<SimBuilding> fleet() {
        return fleet;
    }

    /** The ground truth's directory, for the simulator's verifier. */
    Path truth() {
        return options.truthDir();
    }

    /** What was simulated. */
    SimulationOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return String.format("%,d messages, %,d payload bytes, %,d readings, %d rejected", messages.size(), bytes,
                readings, rejected);
    }
}
