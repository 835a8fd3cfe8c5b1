package org.straumflyt.model.wire;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.QualityFlag;

/**
 * A rough measurement (not a test, no JMH) of the cost per record of the serdes of meter hours and hour keys: the
 * mapper ({@code new JsonSerde<>(type)}) against the streaming codecs ({@link JsonSerde#meterHour()} and so on), on
 * hours as the meter stage writes them. Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:<deps> org.straumflyt.model.wire.HourJsonMicro [block [rounds]]}.
 */
public final class HourJsonMicro {
    private static final int COUNT = 4096;

    private HourJsonMicro() {
    }

    public static void main(String[] args) {
        int block = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        MeterHour[] hours = hours();
        MeterHourKey[] meterKeys = Arrays.stream(hours).map(MeterHour::key).toArray(MeterHourKey[]::new);
        BuildingHourKey[] buildingKeys = Arrays.stream(hours)
                .map(h -> new BuildingHourKey(h.buildingId(), h.hourStart())).toArray(BuildingHourKey[]::new);
        System.out.printf("µs per record, best and median of %d blocks of %d, mapper and fast alternating%n", rounds,
                block);
        compare("MeterHour      ", hours, MeterHour.class, JsonSerde.meterHour(), block, rounds);
        compare("MeterHourKey   ", meterKeys, MeterHourKey.class, JsonSerde.meterHourKey(), block, rounds);
        compare("BuildingHourKey", buildingKeys, BuildingHourKey.class, JsonSerde.buildingHourKey(), block, rounds);
    }

    private static <T> void compare(String name, T[] values, Class<T> type, Serde<T> fast, int block, int rounds) {
        Serde<T> mapper = new JsonSerde<>(type);
        byte[][] payloads = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            payloads[i] = mapper.serializer().serialize("t", values[i]);
            if (!Arrays.equals(payloads[i], fast.serializer().serialize("t", values[i]))
                    || !fast.deserializer().deserialize("t", payloads[i]).equals(values[i])) {
                throw new IllegalStateException("serdes disagree on " + values[i]);
            }
        }
        // warm-up, then alternating blocks
        double[][] times = new double[4][rounds];
        for (int round = -2; round < rounds; round++) {
            double[] t = {
                run(values, block, v -> mapper.serializer().serialize("t", v)),
                run(values, block, v -> fast.serializer().serialize("t", v)),
                run(payloads, block, b -> mapper.deserializer().deserialize("t", b)),
                run(payloads, block, b -> fast.deserializer().deserialize("t", b))};
            for (int i = 0; round >= 0 && i < t.length; i++) {
                times[i][round] = t[i];
            }
        }
        for (double[] t : times) {
            Arrays.sort(t);
        }
        System.out.printf("%s encode: mapper %s  fast %s   decode: mapper %s  fast %s%n", name, figures(times[0]),
                figures(times[1]), figures(times[2]), figures(times[3]));
    }

    private static String figures(double[] sorted) {
        return String.format("%.3f/%.3f", sorted[0], sorted[sorted.length / 2]);
    }

    /** Microseconds per call. */
    private static <A, R> double run(A[] inputs, int iterations, Function<A, R> f) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += f.apply(inputs[i & (COUNT - 1)]).hashCode();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return elapsed / 1000.0 / iterations;
    }

    private static MeterHour[] hours() {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-11-23T00:00:00Z");
        Carrier[] carriers = Carrier.values();
        EnergySource[] sources = EnergySource.values();
        MeterHour[] hours = new MeterHour[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Set<QualityFlag> flags = switch (random.nextInt(4)) {
                case 0 -> EnumSet.of(QualityFlag.ESTIMATED);
                case 1 -> EnumSet.of(QualityFlag.GAP, QualityFlag.INTERPOLATED);
                default -> Set.of();
            };
            String register = random.nextBoolean() ? "import" : "export";
            hours[i] = new MeterHour("735999289000" + random.nextInt(10_000), register,
                    carriers[random.nextInt(carriers.length)],
                    random.nextInt(10) == 0 ? null : "building-" + random.nextInt(200),
                    t0.plusSeconds(3600L * random.nextInt(24 * 60)), random.nextInt(1_000_000) / 1000.0,
                    random.nextBoolean() ? random.nextDouble() * 50 : null, random.nextInt(4) == 0 ? 1.0
                    : random.nextInt(3600) / 3600.0, sources[random.nextInt(sources.length)], flags,
                    1 + random.nextInt(3));
        }
        return hours;
    }
}
