package org.straumflyt.processor.metering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Byte keys of the meter state store. Every entry of one meter-register shares a prefix, then a kind byte, then a
 * big-endian time, so that a range scan returns one kind of one series in time order (stores compare keys as
 * unsigned bytes; the sign bit of the time is flipped so that order holds before 1970 too).
 */
final class SeriesKeys {
    static final byte META = 'M';
    static final byte REGISTER = 'R';
    static final byte POWER = 'P';
    static final byte INTERVAL = 'I';
    static final byte HOUR = 'H';
    static final byte EVENT = 'E';

    private final byte[] prefix;

    SeriesKeys(String meterId, String register) {
        byte[] meter = meterId.getBytes(StandardCharsets.UTF_8);
        byte[] reg = register.getBytes(StandardCharsets.UTF_8);
        prefix = ByteBuffer.allocate(4 + meter.length + reg.length)
                .putShort((short) meter.length).put(meter)
                .putShort((short) reg.length).put(reg)
                .array();
    }

    Bytes key(byte kind, long time) {
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

    static long timeOf(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() ^ Long.MIN_VALUE;
    }
}
