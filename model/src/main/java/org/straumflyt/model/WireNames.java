package org.straumflyt.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of enum constants from their lower-snake wire names, with messages that list what is allowed. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is missing; allowed: " + allowed(type));
        }
        String normalized = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + text + "'; allowed: " + allowed(type));
    }

    /** The wire name of a constant's {@link Enum#name()}: the same in lower case. */
    static String wireName(String constantName) {
        return constantName.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> wireName(e.name()))
                .collect(Collectors.joining(", "));
    }
}
