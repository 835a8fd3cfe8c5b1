package org.straumflyt.simulator.fleet;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.straumflyt.model.Building;
import org.straumflyt.simulator.truth.GroundTruth;

/**
 * What one meter shows from {@code start} until its first register reading at or after {@code end} (so every hour
 * before the end is covered), in time order, with the reading faults of the plan injected, and the exact energy
 * between its register readings booked in the ground truth as it goes.
 */
public final class MeterSeries implements Iterator<Snapshot> {
    private static final long MIN_DISPLAY_FOR_RESET_WH = 100_000;

    private final Building building;
    private final SimBuilding sim;
    private final SimMeter meter;
    private final LoadModel load;
    private final FaultPlan faults;
    private final GroundTruth truth;
    private final SplittableRandom random;
    private final long endEpochSecond;
    private final ArrayDeque<Snapshot> ready = new ArrayDeque<>();
    /** Steps since the last register reading: {stepStartEpochSecond, energyWh}. */
    private final List<long[]> pending = new ArrayList<>();

    private long step;
    /** A register reading at or after the end has been sent: every hour before the end is covered. */
    private boolean closed;
    private long trueWh;
    private long offsetWh;
    private boolean opened;
    private long lastReadingStep = Long.MIN_VALUE;
    private long lastDisplayWh;
    private int gapLeft;
    private double lastPowerKw;

    public MeterSeries(long seed, SimBuilding building, SimMeter meter, LoadModel load, FaultPlan faults,
            GroundTruth truth, Instant start, Instant end) {
        this.building = building.building();
        this.sim = building;
        this.meter = meter;
        this.load = load;
        this.faults = faults;
        this.truth = truth;
        this.random = Noise.random(seed, "faults:" + meter.meterId());
        this.endEpochSecond = end.getEpochSecond();
        this.step = Math.floorDiv(start.getEpochSecond() - meter.phaseSeconds() + meter.stepSeconds() - 1,
                meter.stepSeconds());
        this.trueWh = meter.startRegisterWh();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !closed) {
            advance();
        }
        return !ready.isEmpty();
    }

    @Override
    public Snapshot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** The time of the next snapshot, without consuming it; {@code null} when there is none. */
    public Instant peekTime() {
        return hasNext() ? ready.peek().at() : null;
    }

    public SimMeter meter() {
        return meter;
    }

    private long gridTime(long k) {
        return k * meter.stepSeconds() + meter.phaseSeconds();
    }

    private void advance() {
        long t = gridTime(step);
        boolean sparse = meter.registerEvery() > 1;
        boolean ending = t + (long) meter.stepSeconds() * 13 >= endEpochSecond;
        if (gapLeft == 0 && !sparse && !ending && !meter.interval() && opened && lastReadingStep == step - 1
                && random.nextDouble() < faults.gaps()) {
            gapLeft = 2 + random.nextInt(11);
        }
        double powerKw;
        if (gapLeft > 0) {
            // Silent: the load is held so that the register's straight line across the gap is the true split.
            powerKw = lastPowerKw;
            gapLeft--;
        } else {
            powerKw = load.powerKw(sim, meter, Instant.ofEpochSecond(t), step);
            emitGridPoint(t, powerKw);
        }
        long energyWh = Math.round(powerKw * meter.stepSeconds() / 3.6);
        pending.add(new long[] {t, energyWh});
        trueWh += energyWh;
        lastPowerKw = powerKw;
        step++;
    }

    private void emitGridPoint(long t, double powerKw) {
        if (meter.interval()) {
            emitInterval(t);
            return;
        }
        boolean registerDue = Math.floorMod(step, meter.registerEvery()) == 0;
        boolean powerDue = meter.powerEvery() > 0 && Math.floorMod(step, meter.powerEvery()) == 0;
        Double powerW = powerDue ? powerKw * 1000 : null;
        if (!registerDue) {
            if (powerDue) {
                ready.add(new Snapshot(meter, Instant.ofEpochSecond(t), null, powerW, Snapshot.Anomaly.NONE));
            }
            return;
        }
        Snapshot.Anomaly anomaly = Snapshot.Anomaly.NONE;
        if (meter.registerEvery() == 1 && opened && lastReadingStep == step - 1
                && lastDisplayWh >= MIN_DISPLAY_FOR_RESET_WH && random.nextDouble() < faults.resets()) {
            // Meter replaced right after the last reading: the new one has counted this one step from 0. Nobody can
            // tell from the readings how much was used across a replacement, so the truth books none of that step.
            offsetWh = trueWh - pending.get(pending.size() - 1)[1];
            pending.clear();
            anomaly = Snapshot.Anomaly.RESET;
        }
        long display = display();
        ready.add(new Snapshot(meter, Instant.ofEpochSecond(t), display, powerW, anomaly));
        if (opened && !pending.isEmpty()) {
            pending.forEach(s -> truth.addStep(meter, Instant.ofEpochSecond(s[0]), meter.stepSeconds(), s[1]));
            truth.addReadingInterval(meter, Instant.ofEpochSecond(pending.get(0)[0]), Instant.ofEpochSecond(t),
                    pending.stream().mapToLong(s -> s[1]).sum());
        }
        pending.clear();
        opened = true;
        lastReadingStep = step;
        lastDisplayWh = display;
        if (t >= endEpochSecond) {
            closed = true;
            return;
        }
        addLoneAnomaly(t, display, powerW);
    }

    /**
     * An interval meter's value when one is due: the energy of the steps since its previous value, booked in the
     * truth as a register meter's would be (it is the same energy between the same two times). The first due time
     * only starts the series.
     */
    private void emitInterval(long t) {
        if (!meter.intervalDue(t)) {
            return;
        }
        if (opened && !pending.isEmpty()) {
            long energyWh = pending.stream().mapToLong(s -> s[1]).sum();
            Instant from = Instant.ofEpochSecond(pending.get(0)[0]);
            ready.add(new Snapshot(meter, Instant.ofEpochSecond(t), null, null, Snapshot.Anomaly.NONE, from,
                    energyWh));
            pending.forEach(s -> truth.addStep(meter, Instant.ofEpochSecond(s[0]), meter.stepSeconds(), s[1]));
            truth.addReadingInterval(meter, from, Instant.ofEpochSecond(t), energyWh);
        }
        pending.clear();
        opened = true;
        lastReadingStep = step;
        if (t >= endEpochSecond) {
            closed = true;
        }
    }

    /** A glitch (a lone 0) or a spike (a lone huge value) half a step after a real reading, never the last. */
    private void addLoneAnomaly(long t, long display, Double powerW) {
        if (meter.registerEvery() != 1 || meter.stepSeconds() < 2 || t + meter.stepSeconds() >= endEpochSecond) {
            return;
        }
        Instant between = Instant.ofEpochSecond(t + meter.stepSeconds() / 2);
        if (random.nextDouble() < faults.glitches()) {
            ready.add(new Snapshot(meter, between, 0L, powerW, Snapshot.Anomaly.GLITCH));
        } else if (random.nextDouble() < faults.spikes()) {
            long spikeWh = (long) (meter.maxPowerKw() * 1000 * 50);
            ready.add(new Snapshot(meter, between, display + spikeWh, powerW, Snapshot.Anomaly.SPIKE));
        }
    }

    private long display() {
        long value = trueWh - offsetWh;
        return meter.registerMaxWh() > 0 ? Math.floorMod(value, meter.registerMaxWh()) : value;
    }
}
