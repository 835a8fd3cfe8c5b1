package org.straumflyt.publisher.write;

import java.util.List;
import org.straumflyt.publisher.layout.KpiPoint;

/** Where points go: one blocking write request per call. */
public interface PointStore extends AutoCloseable {
    /** Writes the points in one request; never throws for failures of the store, it returns them. */
    WriteResult write(List<KpiPoint> points);

    /** Whether the store answers at all. */
    boolean ping();

    @Override
    void close();
}
