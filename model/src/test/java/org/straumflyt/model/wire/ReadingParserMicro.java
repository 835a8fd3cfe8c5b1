package org.straumflyt.model.wire;

import java.time.Instant;
import java.util.Random;
import java.util.function.Function;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Origin;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

/**
 * A rough measurement (not a test, no JMH) of the decoding cost per reading: the mapper against
 * {@link ReadingParser}, on readings as ingest writes them (with origin, millisecond receive times). Run with the
 * test classpath: {@code java -cp target/test-classes:target/classes:<deps> ...ReadingParserMicro [iterations]}.
 */
public final class ReadingParserMicro {
    private ReadingParserMicro() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[][] payloads = payloads(4096);
        for (byte[] payload : payloads) {
            if (!ReadingParser.parse(payload).equals(Json.fromBytes(payload, Reading.class))) {
                throw new IllegalStateException("parsers disagree on " + new String(payload));
            }
        }
        for (int round = 0; round < 5; round++) {
            boolean report = round >= 2;
            run("databind", payloads, iterations, b -> Json.fromBytes(b, Reading.class), report);
            run("parser  ", payloads, iterations, ReadingParser::parse, report);
        }
    }

    private static void run(String name, byte[][] payloads, int iterations, Function<byte[], Reading> decode,
            boolean report) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            Reading r = decode.apply(payloads[i & (payloads.length - 1)]);
            sink += r.timestamp().getNano() + r.meterId().length();
        }
        long elapsed = System.nanoTime() - start;
        if (report) {
            System.out.printf("%s %7.1f ns/reading (sink %d)%n", name, (double) elapsed / iterations, sink & 1);
        }
    }

    private static byte[][] payloads(int count) {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-11-23T00:00:00Z");
        byte[][] payloads = new byte[count][];
        for (int i = 0; i < count; i++) {
            Instant at = t0.plusSeconds(random.nextInt(86_400 * 30));
            Origin origin = new Origin("meters/building-" + random.nextInt(200) + "/m" + i, "canonical",
                    at.plusMillis(random.nextInt(2000)));
            String meter = "meter-" + random.nextInt(10_000);
            Reading reading = switch (random.nextInt(3)) {
                case 0 -> Reading.register(meter, "import", random.nextInt(1_000_000) / 10.0, at,
                        Carrier.ELECTRICITY);
                case 1 -> Reading.power(meter, "import", random.nextDouble() * 50, at, Carrier.DISTRICT_HEATING);
                default -> new Reading(meter, "import", ReadingKind.INTERVAL_ENERGY, random.nextInt(1000) / 100.0,
                        at, at.minusSeconds(900), Carrier.ELECTRICITY, "building-" + random.nextInt(200), null);
            };
            payloads[i] = Json.toBytes(reading.withOrigin(origin));
        }
        return payloads;
    }
}
