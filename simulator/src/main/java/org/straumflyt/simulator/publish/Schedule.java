package org.straumflyt.simulator.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.MeterSeries;
import org.straumflyt.simulator.fleet.Noise;
import org.straumflyt.simulator.fleet.Snapshot;
import org.straumflyt.simulator.format.Message;
import org.straumflyt.simulator.format.PayloadEncoder;

/**
 * Every meter's messages merged in order of their send time, with the delivery faults of the plan applied:
 * duplicates, reordering, late delivery and garbage. Lazy: holds one pending snapshot per meter plus the messages
 * held back.
 */
public final class Schedule implements Iterator<Outgoing> {
    private final PriorityQueue<MeterSeries> series = new PriorityQueue<>(Comparator.comparing(MeterSeries::peekTime));
    private final PriorityQueue<Outgoing> queue = new PriorityQueue<>();
    private final FaultPlan faults;
    private final SplittableRandom random;
    private final FaultCounts counts;
    private long sequence;

    public Schedule(long seed, List<MeterSeries> meters, FaultPlan faults, FaultCounts counts) {
        this.faults = faults;
        this.random = Noise.random(seed, "delivery");
        this.counts = counts;
        meters.stream().filter(MeterSeries::hasNext).forEach(series::add);
    }

    @Override
    public boolean hasNext() {
        fill();
        return !queue.isEmpty();
    }

    @Override
    public Outgoing next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return queue.poll();
    }

    /** Generates until the earliest held-back message is due before any meter's next reading. */
    private void fill() {
        while (!series.isEmpty() && (queue.isEmpty() || !series.peek().peekTime().isAfter(queue.peek().sendAt()))) {
            MeterSeries meter = series.poll();
            deliver(meter.next());
            if (meter.hasNext()) {
                series.add(meter);
            }
        }
    }

    private void deliver(Snapshot snapshot) {
        if (snapshot.anomaly() != Snapshot.Anomaly.NONE) {
            counts.add(snapshot.anomaly().name().toLowerCase(java.util.Locale.ROOT));
        }
        Message message = PayloadEncoder.of(snapshot.meter().format()).encode(snapshot);
        Instant at = snapshot.at();
        Instant sendAt = at;
        if (random.nextDouble() < faults.late()) {
            sendAt = at.plus(faults.lateDelay());
            counts.add("late");
        } else if (random.nextDouble() < faults.reorder()) {
            sendAt = at.plusSeconds((1 + random.nextInt(3)) * (long) snapshot.meter().stepSeconds() + 1);
            counts.add("reordered");
        }
        queue.add(new Outgoing(sendAt, sequence++, message));
        if (random.nextDouble() < faults.duplicates()) {
            queue.add(new Outgoing(sendAt.plus(Duration.ofMillis(1 + random.nextInt(5000))), sequence++, message));
            counts.add("duplicate");
        }
        if (random.nextDouble() < faults.garbage()) {
            byte[] junk = ("{\"broken\": " + random.nextInt()).getBytes(StandardCharsets.UTF_8);
            queue.add(new Outgoing(at, sequence++, new Message(message.topic(), junk)));
            counts.add("garbage");
        }
    }
}
