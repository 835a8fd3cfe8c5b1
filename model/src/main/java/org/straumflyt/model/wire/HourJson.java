package org.straumflyt.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.QualityFlag;

/**
 * Hand-written JSON codecs ({@link StreamingJson}) of {@link MeterHour}, {@link MeterHourKey} and
 * {@link BuildingHourKey}, which the stream processor reads and writes several times per reading.
 *
 * <p>The writers write the mapper's bytes: the record components in declaration order, {@code null} ones left out,
 * {@code schemaVersion} last, carriers by their wire names, sources and flags by their enum names (flags in the
 * order of the record's sorted set), instants by {@link Instants#format}. The readers accept the fields in any
 * order, skip unknown ones and {@code schemaVersion}, and take {@code null} or absence for the optional ones; they
 * give up on the rest (see {@link StreamingJson}), a missing or {@code null} primitive included, which the mapper
 * refuses. Values are built by their canonical constructors, as the mapper builds them.
 */
final class HourJson {
    // MeterHour's fields, in the order of the writer and of their bits
    private static final StreamingJson.Fields HOUR_FIELDS = StreamingJson.Fields.of("meterId", "register", "carrier",
            "buildingId", "hourStart", "energyKwh", "peakKw", "coverage", "source", "flags", "revision",
            "schemaVersion");
    private static final int METER_ID = 1;
    private static final int REGISTER = 1 << 1;
    private static final int CARRIER = 1 << 2;
    private static final int BUILDING_ID = 1 << 3;
    private static final int HOUR_START = 1 << 4;
    private static final int ENERGY_KWH = 1 << 5;
    private static final int PEAK_KW = 1 << 6;
    private static final int COVERAGE = 1 << 7;
    private static final int SOURCE = 1 << 8;
    private static final int FLAGS = 1 << 9;
    private static final int REVISION = 1 << 10;
    private static final int SCHEMA_VERSION = 1 << 11;
    private static final int PRIMITIVES = ENERGY_KWH | COVERAGE | REVISION;

    // MeterHourKey's fields, in the order of the writer and of their bits: the ids, then the instant (see readKey)
    private static final StreamingJson.Fields METER_KEY_FIELDS = StreamingJson.Fields.of("meterId", "register",
            "hourStart");

    // BuildingHourKey's fields, in the order of the writer and of their bits: the id, then the instant (see readKey)
    private static final StreamingJson.Fields BUILDING_KEY_FIELDS = StreamingJson.Fields.of("buildingId",
            "hourStart");

    /** The names the mapper writes and reads: enum names for sources and flags (carriers: StreamingJson). */
    private static final StreamingJson.Names<EnergySource> SOURCES = StreamingJson.Names.of(EnergySource.class,
            EnergySource::name);
    private static final StreamingJson.Names<QualityFlag> QUALITY_FLAGS = StreamingJson.Names.of(QualityFlag.class,
            QualityFlag::name);

    private HourJson() {
    }

    static void writeMeterHour(MeterHour hour, JsonGenerator g) throws IOException {
        g.writeStartObject();
        string(g, HOUR_FIELDS, METER_ID, hour.meterId());
        string(g, HOUR_FIELDS, REGISTER, hour.register());
        g.writeFieldName(HOUR_FIELDS.encoded(CARRIER));
        g.writeString(StreamingJson.CARRIERS.encoded(hour.carrier()));
        string(g, HOUR_FIELDS, BUILDING_ID, hour.buildingId());
        instant(g, HOUR_FIELDS, HOUR_START, hour.hourStart());
        g.writeFieldName(HOUR_FIELDS.encoded(ENERGY_KWH));
        g.writeNumber(hour.energyKwh());
        if (hour.peakKw() != null) {
            g.writeFieldName(HOUR_FIELDS.encoded(PEAK_KW));
            g.writeNumber(hour.peakKw().doubleValue());
        }
        g.writeFieldName(HOUR_FIELDS.encoded(COVERAGE));
        g.writeNumber(hour.coverage());
        g.writeFieldName(HOUR_FIELDS.encoded(SOURCE));
        g.writeString(SOURCES.encoded(hour.source()));
        g.writeFieldName(HOUR_FIELDS.encoded(FLAGS));
        g.writeStartArray();
        for (QualityFlag flag : hour.flags()) {
            g.writeString(QUALITY_FLAGS.encoded(flag));
        }
        g.writeEndArray();
        g.writeFieldName(HOUR_FIELDS.encoded(REVISION));
        g.writeNumber(hour.revision());
        g.writeFieldName(HOUR_FIELDS.encoded(SCHEMA_VERSION));
        g.writeNumber(hour.schemaVersion());
        g.writeEndObject();
    }

    static MeterHour readMeterHour(JsonParser p) throws IOException {
        String meterId = null;
        String register = null;
        Carrier carrier = null;
        String buildingId = null;
        Instant hourStart = null;
        double energyKwh = 0;
        Double peakKw = null;
        double coverage = 0;
        EnergySource source = null;
        Set<QualityFlag> flags = null;
        long revision = 0;
        int seen = 0;
        for (int field; (field = StreamingJson.nextField(p, HOUR_FIELDS, seen)) != 0; ) {
            // a second schemaVersion (the mapper ignores both) goes to the mapper as well
            seen = StreamingJson.once(seen, field);
            switch (field) {
                case METER_ID -> meterId = StreamingJson.string(p);
                case REGISTER -> register = StreamingJson.string(p);
                case CARRIER -> carrier = StreamingJson.constant(p, StreamingJson.CARRIERS);
                case BUILDING_ID -> buildingId = StreamingJson.string(p);
                case HOUR_START -> hourStart = StreamingJson.instant(p);
                case ENERGY_KWH -> energyKwh = StreamingJson.number(p);
                case PEAK_KW -> peakKw = StreamingJson.nullableNumber(p);
                case COVERAGE -> coverage = StreamingJson.number(p);
                case SOURCE -> source = StreamingJson.constant(p, SOURCES);
                case FLAGS -> flags = StreamingJson.constants(p, QUALITY_FLAGS);
                case REVISION -> revision = StreamingJson.integer(p);
                default -> p.skipChildren(); // schemaVersion, read-only, whatever its value
            }
        }
        if ((seen & PRIMITIVES) != PRIMITIVES) {
            // the mapper refuses an absent primitive (FAIL_ON_NULL_FOR_PRIMITIVES)
            return null;
        }
        return new MeterHour(meterId, register, carrier, buildingId, hourStart, energyKwh, peakKw, coverage, source,
                flags, revision);
    }

    static void writeMeterHourKey(MeterHourKey key, JsonGenerator g) throws IOException {
        writeKey(g, METER_KEY_FIELDS, key.hourStart(), key.meterId(), key.register());
    }

    static MeterHourKey readMeterHourKey(JsonParser p) throws IOException {
        String[] ids = new String[2];
        Instant hourStart = readKey(p, METER_KEY_FIELDS, ids);
        return new MeterHourKey(ids[0], ids[1], hourStart);
    }

    static void writeBuildingHourKey(BuildingHourKey key, JsonGenerator g) throws IOException {
        writeKey(g, BUILDING_KEY_FIELDS, key.hourStart(), key.buildingId());
    }

    static BuildingHourKey readBuildingHourKey(JsonParser p) throws IOException {
        String[] ids = new String[1];
        Instant hourStart = readKey(p, BUILDING_KEY_FIELDS, ids);
        return new BuildingHourKey(ids[0], hourStart);
    }

    /** Writes a key of string fields ({@code ids}, in the order of their bits) and of an instant, the last field. */
    private static void writeKey(JsonGenerator g, StreamingJson.Fields fields, Instant hourStart, String... ids)
            throws IOException {
        g.writeStartObject();
        for (int i = 0; i < ids.length; i++) {
            string(g, fields, 1 << i, ids[i]);
        }
        instant(g, fields, 1 << ids.length, hourStart);
        g.writeEndObject();
    }

    /**
     * Reads a key of string fields (into {@code ids}, in the order of their bits) and of an instant, the last field,
     * and returns the instant.
     */
    private static Instant readKey(JsonParser p, StreamingJson.Fields fields, String[] ids) throws IOException {
        Instant hourStart = null;
        int seen = 0;
        for (int field; (field = StreamingJson.nextField(p, fields, seen)) != 0; ) {
            seen = StreamingJson.once(seen, field);
            int index = Integer.numberOfTrailingZeros(field);
            if (index < ids.length) {
                ids[index] = StreamingJson.string(p);
            } else {
                hourStart = StreamingJson.instant(p);
            }
        }
        return hourStart;
    }

    /** A string field, left out when {@code null} (NON_NULL). */
    private static void string(JsonGenerator g, StreamingJson.Fields fields, int field, String value)
            throws IOException {
        if (value != null) {
            g.writeFieldName(fields.encoded(field));
            g.writeString(value);
        }
    }

    /** An instant field, left out when {@code null} (NON_NULL). */
    private static void instant(JsonGenerator g, StreamingJson.Fields fields, int field, Instant value)
            throws IOException {
        if (value != null) {
            g.writeFieldName(fields.encoded(field));
            g.writeString(Instants.format(value));
        }
    }
}
