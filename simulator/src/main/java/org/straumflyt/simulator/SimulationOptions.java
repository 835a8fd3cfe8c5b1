package org.straumflyt.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.truth.PortfolioAssumptions;

/**
 * What to simulate and where to send it.
 *
 * @param seed          makes the fleet, its load and its faults reproducible
 * @param buildings     how many buildings
 * @param municipality  municipality number, also the building id prefix and weather location
 * @param formats       the electricity meters' payload formats, assigned round-robin
 * @param start         simulated start (UTC)
 * @param duration      simulated duration
 * @param pacing        how fast simulated time runs
 * @param faults        faults to inject
 * @param mqttUri       MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param kafka         Kafka bootstrap servers for the registry and weather, or {@code null} to skip them
 * @param topicPrefix   Kafka topic prefix
 * @param truthDir      where to write the ground truth, or {@code null}
 * @param meterStarts   meters that are silent until a later time than {@code start} (installed, or out of order,
 *                      until then): meter id → their first reading's earliest time
 * @param portfolio     the assumptions of the portfolio truth ({@code portfolio.csv}), or {@code null} to write none
 * @param intervalShare about this share (0..1) of the canonical electricity meters send interval energy, PT15M and
 *                      PT1H values mixed, instead of their register
 */
public record SimulationOptions(long seed, int buildings, String municipality, List<PayloadFormat> formats,
        Instant start, Duration duration, Pacing pacing, FaultPlan faults, String mqttUri, String kafka,
        String topicPrefix, Path truthDir, Map<String, Instant> meterStarts, PortfolioAssumptions portfolio,
        double intervalShare) {

    /** No interval meters. */
    public SimulationOptions(long seed, int buildings, String municipality, List<PayloadFormat> formats,
            Instant start, Duration duration, Pacing pacing, FaultPlan faults, String mqttUri, String kafka,
            String topicPrefix, Path truthDir, Map<String, Instant> meterStarts, PortfolioAssumptions portfolio) {
        this(seed, buildings, municipality, formats, start, duration, pacing, faults, mqttUri, kafka, topicPrefix,
                truthDir, meterStarts, portfolio, 0);
    }

    /** Every meter reports from the start; no portfolio truth. */
    public SimulationOptions(long seed, int buildings, String municipality, List<PayloadFormat> formats,
            Instant start, Duration duration, Pacing pacing, FaultPlan faults, String mqttUri, String kafka,
            String topicPrefix, Path truthDir) {
        this(seed, buildings, municipality, formats, start, duration, pacing, faults, mqttUri, kafka, topicPrefix,
                truthDir, Map.of(), null);
    }

    public SimulationOptions {
        if (buildings < 1) {
            throw new IllegalArgumentException("--buildings must be at least 1, got " + buildings);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        java.util.Objects.requireNonNull(pacing, "pacing");
        if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
            // Hours are compared whole: a run that starts mid-hour has a first hour no meter fully measured.
            throw new IllegalArgumentException("--start must be on a whole UTC hour, got " + start);
        }
        if (duration.getSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("--duration must be whole hours, got " + duration);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("--formats needs at least one format");
        }
        if (!(intervalShare >= 0 && intervalShare <= 1)) {
            throw new IllegalArgumentException("--interval-meters must be a share from 0 to 1, got " + intervalShare);
        }
        formats = List.copyOf(formats);
        meterStarts = Map.copyOf(meterStarts);
        for (var late : meterStarts.entrySet()) {
            if (late.getValue().isBefore(start) || !late.getValue().isBefore(start.plus(duration))) {
                throw new IllegalArgumentException("meter " + late.getKey() + " starts at " + late.getValue()
                        + ", outside the run " + start + " to " + start.plus(duration));
            }
        }
    }

    /** When {@code meterId}'s readings begin. */
    public Instant startOf(String meterId) {
        return meterStarts.getOrDefault(meterId, start);
    }

    public Instant end() {
        return start.plus(duration);
    }
}
