package org.straumflyt.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Topics;
import org.straumflyt.simulator.fleet.FleetGenerator;
import org.straumflyt.simulator.fleet.LoadModel;
import org.straumflyt.simulator.fleet.MeterSeries;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;
import org.straumflyt.simulator.fleet.WeatherModel;
import org.straumflyt.simulator.publish.FaultCounts;
import org.straumflyt.simulator.publish.MqttSender;
import org.straumflyt.simulator.publish.Outgoing;
import org.straumflyt.simulator.publish.RegistryPublisher;
import org.straumflyt.simulator.publish.Schedule;
import org.straumflyt.simulator.truth.GroundTruth;
import org.straumflyt.simulator.truth.IndicatorTruth;
import org.straumflyt.simulator.truth.PortfolioTruth;

/** One simulator run: the fleet, its registry, its messages paced in (simulated) time, and its ground truth. */
public final class Simulation {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final SimulationOptions options;
    private final PrintStream progress;
    private final List<SimBuilding> fleet;
    private final WeatherModel weather;
    private final GroundTruth truth;
    private final FaultCounts faultCounts = new FaultCounts();
    private long sent;

    public Simulation(SimulationOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.weather = new WeatherModel(options.seed());
        this.truth = new GroundTruth(options.start(), options.end());
        this.fleet = new FleetGenerator(options.seed()).generate(options.buildings(), options.municipality(),
                options.formats(), options.faults().rollovers(), options.intervalShare());
        this.truth.trees(fleet);
    }

    public List<SimBuilding> fleet() {
        return fleet;
    }

    public GroundTruth truth() {
        return truth;
    }

    public Map<String, Long> faults() {
        return faultCounts.snapshot();
    }

    public long sent() {
        return sent;
    }

    /** The fleet's messages in send order, booking the ground truth as they are generated. */
    public Schedule schedule() {
        LoadModel load = new LoadModel(options.seed(), weather);
        List<MeterSeries> series = new ArrayList<>();
        for (SimBuilding building : fleet) {
            for (SimMeter meter : building.meters()) {
                series.add(new MeterSeries(options.seed(), building, meter, load, options.faults(), truth,
                        options.startOf(meter.meterId()), options.end()));
            }
        }
        return new Schedule(options.seed(), series, options.faults(), faultCounts);
    }

    /** Publishes the registry (when Kafka is given), then every message, then writes the ground truth. */
    public void run() throws Exception {
        if (options.kafka() != null) {
            new RegistryPublisher(options.kafka(), Topics.withPrefix(options.topicPrefix())).publish(fleet, weather,
                    options.start().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1),
                    options.end().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
            progress.printf("registry: %d buildings, %d meters published to Kafka%n", fleet.size(),
                    fleet.stream().mapToInt(b -> b.meters().size()).sum());
        }
        long wallStart = System.nanoTime();
        long lastProgress = wallStart;
        try (MqttSender sender = new MqttSender(options.mqttUri(), "straumflyt-simulator-" + ProcessHandle.current().pid(),
                null, null)) {
            Schedule schedule = schedule();
            while (schedule.hasNext()) {
                Outgoing next = schedule.next();
                pace(next, wallStart);
                sender.send(next.message());
                sent++;
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY.toNanos()) {
                    report(now - wallStart, next, sender.confirmed());
                    lastProgress = now;
                }
            }
            sender.flush(120_000);
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            progress.printf("done: %d messages in %.1f s (%.0f/s), all acknowledged by the broker; faults %s%n", sent,
                    seconds, sent / Math.max(seconds, 1e-9), faultCounts.snapshot());
        }
        if (options.truthDir() != null) {
            writeTruth();
        }
    }

    /** Writes the ground truth where the options say. */
    public void writeTruth() throws IOException {
        truth.write(options.truthDir());
        IndicatorTruth.of(options.municipality(), fleet.stream().map(SimBuilding::building).toList())
                .write(options.truthDir());
        if (options.portfolio() != null) {
            PortfolioTruth.of(options.municipality(), fleet, truth.bookedHours(), weather, options.portfolio())
                    .write(options.truthDir());
        }
        progress.printf("ground truth: %d meters, %d buildings → %s%n", truth.meterHours().size(),
                truth.buildingHours().size(), options.truthDir().toAbsolutePath());
    }

    private void pace(Outgoing next, long wallStart) throws InterruptedException {
        long wait = options.pacing().nanosToWait(next.sendAt(), options.start(), wallStart, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void report(long elapsedNanos, Outgoing next, long confirmed) {
        double seconds = elapsedNanos / 1e9;
        progress.printf("sent %,d messages (%,.0f/s), %,d acknowledged, simulated time %s, elapsed %.0f s%n", sent,
                sent / seconds, confirmed, next.sendAt(), seconds);
    }
}
