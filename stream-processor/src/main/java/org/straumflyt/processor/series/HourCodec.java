package org.straumflyt.processor.series;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.processor.engine.PendingHour;

/**
 * The binary form of hour values inside the meter stage's stores (never on a public topic): what was emitted, with
 * its revision, and what waits for the next emission, with the meter's attribution. Fixed-width numbers, enums by
 * ordinal, strings as UTF-8 with a length (-1 for {@code null}).
 */
public final class HourCodec {
    private static final QualityFlag[] FLAGS = QualityFlag.values();
    private static final EnergySource[] SOURCES = EnergySource.values();
    private static final Carrier[] CARRIERS = Carrier.values();
    /** energy, peak, covered ms, source, flags. */
    private static final int VALUE_BYTES = 8 + 8 + 8 + 1 + 4;

    private HourCodec() {
    }

    /** An emitted hour of a series: value and revision. */
    public static byte[] emitted(EmittedHour hour) {
        ByteBuffer b = ByteBuffer.allocate(VALUE_BYTES + 8);
        putValue(b, hour.value());
        return b.putLong(hour.revision()).array();
    }

    public static EmittedHour emitted(long hourStart, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        HourValue value = value(hourStart, b);
        return new EmittedHour(value, b.getLong());
    }

    /** An hour waiting for the next emission, with the building and carrier it is attributed to. */
    public static byte[] pending(PendingHour hour) {
        byte[] meter = utf8(hour.meterId());
        byte[] register = utf8(hour.register());
        byte[] building = utf8(hour.buildingId());
        ByteBuffer b = ByteBuffer.allocate(8 + 1 + 3 * 4 + meter.length + register.length
                + (building == null ? 0 : building.length) + VALUE_BYTES);
        b.putLong(hour.value().hourStart()).put((byte) hour.carrier().ordinal());
        putString(b, meter);
        putString(b, register);
        putString(b, building);
        putValue(b, hour.value());
        return b.array();
    }

    public static PendingHour pending(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long hourStart = b.getLong();
        Carrier carrier = CARRIERS[b.get()];
        String meterId = getString(b);
        String register = getString(b);
        String buildingId = getString(b);
        return new PendingHour(meterId, register, carrier, buildingId, value(hourStart, b));
    }

    private static void putValue(ByteBuffer b, HourValue v) {
        b.putDouble(v.energyKwh())
                .putDouble(v.peakKw() == null ? Double.NaN : v.peakKw())
                .putLong(v.coveredMs())
                .put((byte) v.source().ordinal())
                .putInt(bits(v.flags()));
    }

    private static HourValue value(long hourStart, ByteBuffer b) {
        double energy = b.getDouble();
        double peak = b.getDouble();
        long covered = b.getLong();
        EnergySource source = SOURCES[b.get()];
        Set<QualityFlag> flags = flags(b.getInt());
        return new HourValue(hourStart, energy, Double.isNaN(peak) ? null : peak, covered, source, flags);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer b, byte[] s) {
        if (s == null) {
            b.putInt(-1);
        } else {
            b.putInt(s.length).put(s);
        }
    }

    private static String getString(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static int bits(Set<QualityFlag> flags) {
        int bits = 0;
        for (QualityFlag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return bits;
    }

    private static Set<QualityFlag> flags(int bits) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        for (QualityFlag f : FLAGS) {
            if ((bits & (1 << f.ordinal())) != 0) {
                flags.add(f);
            }
        }
        return flags;
    }
}
