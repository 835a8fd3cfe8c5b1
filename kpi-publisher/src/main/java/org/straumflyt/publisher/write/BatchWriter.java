package org.straumflyt.publisher.write;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.publisher.layout.KpiPoint;

/**
 * Writes a batch and isolates refused points. When the server refuses a request as bad data, the batch is split in
 * halves and each half written again, down to single points, so that one bad point costs about {@code 2·log2(n)}
 * extra requests and the good points still land. Rewriting points that a partial write already stored is harmless:
 * a rewrite overwrites.
 *
 * @param <O> what a point belongs to (the Kafka record it came from)
 */
public final class BatchWriter<O> {
    private final PointStore store;
    private final WriteObserver observer;
    private final Clock clock;

    public BatchWriter(PointStore store, WriteObserver observer, Clock clock) {
        this.store = store;
        this.observer = observer;
        this.clock = clock;
    }

    /** A point and its owner. */
    public record Owned<O>(KpiPoint point, O owner) {
    }

    /** A point the server refused, with its owner and the server's reason. */
    public record Refusal<O>(O owner, KpiPoint point, String detail) {
    }

    /** The result of writing a whole batch. */
    public sealed interface Outcome<O> {
        /** Every point is stored, except the refused ones. */
        record Done<O>(List<Refusal<O>> refusals) implements Outcome<O> {
        }

        /** The store is unavailable; write the whole batch again later. */
        record Retry<O>(WriteResult.Failed failure) implements Outcome<O> {
        }
    }

    public Outcome<O> write(List<Owned<O>> batch) {
        if (batch.isEmpty()) {
            return new Outcome.Done<>(List.of());
        }
        List<KpiPoint> points = batch.stream().map(Owned::point).toList();
        long start = clock.millis();
        WriteResult result = store.write(points);
        Duration latency = Duration.ofMillis(clock.millis() - start);
        if (result instanceof WriteResult.Accepted) {
            observer.accepted(points, latency);
            return new Outcome.Done<>(List.of());
        }
        WriteResult.Failed failed = (WriteResult.Failed) result;
        observer.failed(failed, points.size(), latency);
        if (failed.kind().retryable()) {
            return new Outcome.Retry<>(failed);
        }
        if (batch.size() == 1) {
            Owned<O> only = batch.get(0);
            return new Outcome.Done<>(List.of(new Refusal<>(only.owner(), only.point(), failed.detail())));
        }
        int half = batch.size() / 2;
        Outcome<O> left = write(batch.subList(0, half));
        if (left instanceof Outcome.Retry<O>) {
            return left;
        }
        Outcome<O> right = write(batch.subList(half, batch.size()));
        if (right instanceof Outcome.Retry<O>) {
            return right;
        }
        List<Refusal<O>> refusals = new ArrayList<>(((Outcome.Done<O>) left).refusals());
        refusals.addAll(((Outcome.Done<O>) right).refusals());
        return new Outcome.Done<>(refusals);
    }
}
