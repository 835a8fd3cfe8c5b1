package org.straumflyt.publisher.write;

import org.straumflyt.publisher.layout.KpiPoint;

/** Exposes the client-side line protocol of a point to tests in other packages. */
public final class InfluxPointStoreProbe {
    private InfluxPointStoreProbe() {
    }

    public static String lineProtocol(KpiPoint point) {
        return InfluxPointStore.toPoint(point).toLineProtocol();
    }
}
