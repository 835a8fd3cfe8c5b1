package org.straumflyt.processor.metering;

/** UTC hour arithmetic on epoch milliseconds. An hour bucket is {@code [h, h + 1 h)}. */
public final class Hours {
    public static final long MS = 3_600_000L;

    private Hours() {
    }

    /** The start of the hour containing {@code ms}. */
    public static long floor(long ms) {
        return Math.floorDiv(ms, MS) * MS;
    }

    /** The first hour start at or after {@code ms}. */
    public static long ceil(long ms) {
        return -Math.floorDiv(-ms, MS) * MS;
    }
}
