package org.straumflyt.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Carrier maps are kept sorted (enum order) and immutable, so equal records serialize to equal bytes. */
public final class CarrierMaps {
    private CarrierMaps() {
    }

    /** A sorted, immutable copy; {@code null} becomes the empty map. */
    public static Map<Carrier, CarrierEnergy> copy(Map<Carrier, CarrierEnergy> carriers) {
        if (carriers == null || carriers.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(carriers));
    }
}
