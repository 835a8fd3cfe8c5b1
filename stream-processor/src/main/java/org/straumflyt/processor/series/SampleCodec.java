package org.straumflyt.processor.series;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The binary values of the meter store (never on a public topic; the emitted hours' form is {@code HourCodec}'s):
 * fixed-width numbers, big-endian. Changing one means migrating the state of every running processor.
 * <ul>
 *   <li>register reading, power sample: value (double), conflict (1 byte) — 9 bytes;</li>
 *   <li>interval value: end (long), kWh (double), conflict (1 byte) — 17 bytes;</li>
 *   <li>bookkeeping: watermark, frozenFrom, firstRegister, lastRegister (longs), kinds (int) — 36 bytes;</li>
 *   <li>register events at one time: the bits of the event types already counted (int) — 4 bytes.</li>
 * </ul>
 */
final class SampleCodec {
    private SampleCodec() {
    }

    static byte[] sample(Sample s) {
        return ByteBuffer.allocate(9).putDouble(s.value()).put((byte) (s.conflict() ? 1 : 0)).array();
    }

    /** The sample at {@code at}, or {@code null} for no bytes. */
    static Sample sample(long at, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Sample(at, b.getDouble(), b.get() != 0);
    }

    /** The next entry of a scan over samples, decoded. */
    static Sample next(KeyValueIterator<Bytes, byte[]> it) {
        var kv = it.next();
        return sample(SeriesKeys.timeOf(kv.key), kv.value);
    }

    static byte[] interval(IntervalSample s) {
        return ByteBuffer.allocate(17).putLong(s.end()).putDouble(s.kwh()).put((byte) (s.conflict() ? 1 : 0)).array();
    }

    static IntervalSample interval(long start, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new IntervalSample(start, b.getLong(), b.getDouble(), b.get() != 0);
    }

    /** The end of a stored interval value, without decoding the rest. */
    static long intervalEnd(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    static byte[] meta(SeriesMeta meta) {
        return ByteBuffer.allocate(36).putLong(meta.watermark()).putLong(meta.frozenFrom())
                .putLong(meta.firstRegister()).putLong(meta.lastRegister()).putInt(meta.kinds()).array();
    }

    static SeriesMeta meta(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new SeriesMeta(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt());
    }

    static int eventBits(byte[] bytes) {
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getInt();
    }

    static byte[] eventBits(int bits) {
        return ByteBuffer.allocate(4).putInt(bits).array();
    }
}
