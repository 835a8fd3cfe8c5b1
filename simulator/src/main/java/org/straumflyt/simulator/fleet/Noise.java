package org.straumflyt.simulator.fleet;

import java.util.SplittableRandom;

/** Deterministic pseudo-random numbers from (seed, name, index): the same fleet on every machine and run. */
public final class Noise {
    private Noise() {
    }

    /** A number in [0, 1) that depends only on the arguments. */
    public static double unit(long seed, String name, long index) {
        return new SplittableRandom(mix(seed, name, index)).nextDouble();
    }

    /** A random generator seeded from the arguments. */
    public static SplittableRandom random(long seed, String name) {
        return new SplittableRandom(mix(seed, name, 0));
    }

    private static long mix(long seed, String name, long index) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= name.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= index * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        return h;
    }
}
