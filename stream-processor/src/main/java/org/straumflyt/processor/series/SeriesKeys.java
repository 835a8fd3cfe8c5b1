package org.straumflyt.processor.series;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Byte keys of the meter state store. Every entry of one meter-register shares a prefix, then a kind byte, then a
 * big-endian time, so that a range scan returns one kind of one series in time order (stores compare keys as
 * unsigned bytes; the sign bit of the time is flipped so that order holds before 1970 too).
 */
public final class SeriesKeys {
    static final byte META = 'M';
    static final byte REGISTER = 'R';
    static final byte POWER = 'P';
    static final byte INTERVAL = 'I';
    public static final byte HOUR = 'H';
    /** An emitted quarter-hour (the finer buckets of the hours, kpi.meter-quarter-hourly). */
    public static final byte QUARTER = 'Q';
    static final byte EVENT = 'E';
    /** The meter's registry entry as the meter stage last applied it; kept under the empty register name. */
    static final byte ASSIGNMENT = 'A';
    /** Greater than every kind byte: {@code prefix + END} sorts after every key of the series. */
    private static final byte END = (byte) 0xFF;

    private final byte[] prefix;

    public SeriesKeys(String meterId, String register) {
        byte[] meter = meterId.getBytes(StandardCharsets.UTF_8);
        byte[] reg = register.getBytes(StandardCharsets.UTF_8);
        prefix = ByteBuffer.allocate(4 + meter.length + reg.length)
                .putShort((short) meter.length).put(meter)
                .putShort((short) reg.length).put(reg)
                .array();
    }

    public Bytes key(byte kind, long time) {
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + 9).put(prefix).put(kind)
                .putLong(time ^ Long.MIN_VALUE).array());
    }

    /** The smallest key of a kind. */
    Bytes first(byte kind) {
        return key(kind, Long.MIN_VALUE);
    }

    /** The largest key of a kind. */
    Bytes last(byte kind) {
        return key(kind, Long.MAX_VALUE);
    }

    /** The key after every key of this meter-register and before those of the meter's next register. */
    Bytes afterSeries() {
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + 1).put(prefix).put(END).array());
    }

    /** The smallest key of any register of a meter. */
    static Bytes meterFirst(String meterId) {
        byte[] meter = meterId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(2 + meter.length).putShort((short) meter.length).put(meter).array());
    }

    /** A key after every key of a meter (a register name length no name has). */
    static Bytes meterLast(String meterId) {
        byte[] meter = meterId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(4 + meter.length).putShort((short) meter.length).put(meter)
                .put(END).put(END).array());
    }

    /** The register name of a key. */
    static String registerOf(Bytes key) {
        ByteBuffer b = ByteBuffer.wrap(key.get());
        b.position(2 + Short.toUnsignedInt(b.getShort()));
        byte[] reg = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(reg);
        return new String(reg, StandardCharsets.UTF_8);
    }

    /** The kind byte of a key. */
    public static byte kindOf(Bytes key) {
        byte[] bytes = key.get();
        return bytes[bytes.length - 9];
    }

    static long timeOf(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() ^ Long.MIN_VALUE;
    }
}
