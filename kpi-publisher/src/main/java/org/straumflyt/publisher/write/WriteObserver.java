package org.straumflyt.publisher.write;

import java.time.Duration;
import java.util.List;
import org.straumflyt.publisher.layout.KpiPoint;

/** Hears about every write request, for metrics. */
public interface WriteObserver {
    /** The server accepted these points after {@code latency}. */
    void accepted(List<KpiPoint> points, Duration latency);

    /** A request of {@code points} points failed after {@code latency}. */
    void failed(WriteResult.Failed failure, int points, Duration latency);
}
