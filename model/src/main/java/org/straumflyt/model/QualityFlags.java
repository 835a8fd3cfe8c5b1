package org.straumflyt.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Flags are kept as sorted, immutable sets so that equal records serialize to equal bytes. */
public final class QualityFlags {
    private QualityFlags() {
    }

    /** A sorted, immutable copy; {@code null} becomes the empty set. */
    public static Set<QualityFlag> copy(Set<QualityFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }
}
