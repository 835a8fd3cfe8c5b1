package org.straumflyt.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.straumflyt.model.BuildingHourKey;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EnergySource;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.MeterHourKey;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.Samples;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;

/**
 * The streaming codecs of meter hours and hour keys write the mapper's bytes, and read like the mapper: an equal
 * value for whatever it accepts, the same exception with the same message for whatever it rejects, and the fast path
 * for what the writer makes.
 */
class HourJsonTest {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years the writer prints with four digits. */
    private static final long FOUR_DIGIT_YEARS_FROM = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_TO = 253_402_300_799L;

    // ---- (a) what the writer makes ----

    @Property(tries = 1500)
    void writesAndReadsMeterHoursAsTheMapperDoes(@ForAll("strings") String meterId, @ForAll("strings") String register,
            @ForAll("carriers") Carrier carrier, @ForAll("nullableStrings") String buildingId,
            @ForAll("instants") Instant hourStart, @ForAll("doubles") double energyKwh,
            @ForAll("nullableDoubles") Double peakKw, @ForAll("doubles") double coverage,
            @ForAll("sources") EnergySource source, @ForAll("flags") Set<QualityFlag> flags,
            @ForAll("revisions") long revision) {
        MeterHour hour = new MeterHour(meterId, register, carrier, buildingId, hourStart, energyKwh, peakKw, coverage,
                source, flags, revision);

        byte[] bytes = StreamingJson.toBytes(hour, HourJson::writeMeterHour);

        assertThat(bytes).as("%s", Json.toString(hour)).isEqualTo(Json.toBytes(hour));
        MeterHour expected = Json.fromBytes(bytes, MeterHour.class);
        assertThat(expected).isEqualTo(hour);
        assertThat(StreamingJson.fromBytes(bytes, MeterHour.class, HourJson::readMeterHour)).isEqualTo(expected);
        if (Double.isFinite(energyKwh) && Double.isFinite(coverage) && (peakKw == null || Double.isFinite(peakKw))
                && fourDigitYears(hourStart)) {
            assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHour))
                    .as("fast path of %s", Json.toString(hour)).isEqualTo(expected);
        }
    }

    @Property(tries = 1000)
    void writesAndReadsMeterHourKeysAsTheMapperDoes(@ForAll("nullableStrings") String meterId,
            @ForAll("nullableStrings") String register, @ForAll("nullableInstants") Instant hourStart) {
        MeterHourKey key = new MeterHourKey(meterId, register, hourStart);

        byte[] bytes = StreamingJson.toBytes(key, HourJson::writeMeterHourKey);

        assertThat(bytes).as("%s", Json.toString(key)).isEqualTo(Json.toBytes(key));
        MeterHourKey expected = Json.fromBytes(bytes, MeterHourKey.class);
        assertThat(expected).isEqualTo(key);
        assertThat(StreamingJson.fromBytes(bytes, MeterHourKey.class, HourJson::readMeterHourKey))
                .isEqualTo(expected);
        if (hourStart == null || fourDigitYears(hourStart)) {
            assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHourKey)).isEqualTo(expected);
        }
    }

    @Property(tries = 1000)
    void writesAndReadsBuildingHourKeysAsTheMapperDoes(@ForAll("nullableStrings") String buildingId,
            @ForAll("nullableInstants") Instant hourStart) {
        BuildingHourKey key = new BuildingHourKey(buildingId, hourStart);

        byte[] bytes = StreamingJson.toBytes(key, HourJson::writeBuildingHourKey);

        assertThat(bytes).as("%s", Json.toString(key)).isEqualTo(Json.toBytes(key));
        BuildingHourKey expected = Json.fromBytes(bytes, BuildingHourKey.class);
        assertThat(expected).isEqualTo(key);
        assertThat(StreamingJson.fromBytes(bytes, BuildingHourKey.class, HourJson::readBuildingHourKey))
                .isEqualTo(expected);
        if (hourStart == null || fourDigitYears(hourStart)) {
            assertThat(StreamingJson.fastOrNull(bytes, HourJson::readBuildingHourKey)).isEqualTo(expected);
        }
    }

    private static boolean fourDigitYears(Instant instant) {
        return instant.getEpochSecond() >= FOUR_DIGIT_YEARS_FROM && instant.getEpochSecond() <= FOUR_DIGIT_YEARS_TO;
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ':', '/').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("", "import", "m\"1\\", "måler-ø", "tab\tnl\n\r\b\f", "\u0000\u001f\u007f\u2028\u2029",
                        "emoji \uD83D\uDE00", "lone \uD800 surrogate", "</script>", "\\u0041"));
    }

    @Provide
    Arbitrary<String> nullableStrings() {
        return strings().injectNull(0.3);
    }

    @Provide
    Arbitrary<Carrier> carriers() {
        return Arbitraries.of(Carrier.class).injectNull(0.1);
    }

    @Provide
    Arbitrary<EnergySource> sources() {
        return Arbitraries.of(EnergySource.class).injectNull(0.1);
    }

    @Provide
    Arbitrary<Set<QualityFlag>> flags() {
        return Arbitraries.subsetOf(QualityFlag.values()).injectNull(0.1);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e9).ofScale(3),
                Arbitraries.doubles(),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(-1000, 100_000).map(Integer::doubleValue),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.of(0.0, -0.0, 1.0, 0.1, 1.0 / 3, 1e-300, 4.9e-324, Double.MIN_NORMAL, Double.MAX_VALUE,
                        -Double.MAX_VALUE, 1e7, 1e-3, 9.999999e-4, 1e21, 1e22, 123456789.0e10, 2.0e-7,
                        0.30000000000000004, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Provide
    Arbitrary<Double> nullableDoubles() {
        return doubles().injectNull(0.3);
    }

    @Provide
    Arbitrary<Long> revisions() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1000), Arbitraries.longs(),
                Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) + 1));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> recent = Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L).map(s -> s / 3600 * 3600);
        Arbitrary<Long> fourDigitYears = Arbitraries.longs().between(FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO);
        Arbitrary<Long> farOut = Arbitraries.longs().between(-31_000_000_000_000L, 31_000_000_000_000L);
        Arbitrary<Long> edges = Arbitraries.of(0L, -1L, FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO,
                FOUR_DIGIT_YEARS_TO + 1, FOUR_DIGIT_YEARS_FROM - 1);
        @SuppressWarnings("unchecked")
        Arbitrary<Long> epochSeconds = Arbitraries.frequencyOf(Tuple.of(6, recent), Tuple.of(3, fourDigitYears),
                Tuple.of(1, farOut), Tuple.of(1, edges));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(epochSeconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Instant> nullableInstants() {
        return instants().injectNull(0.2);
    }

    @Test
    void writesTheSampleHourAsTheContractSays() {
        byte[] bytes = StreamingJson.toBytes(Samples.meterHour(), HourJson::writeMeterHour);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("""
                {"meterId":"7359992890000000","register":"import","carrier":"electricity",\
                "buildingId":"baerum-skole-17","hourStart":"2026-11-23T06:00:00Z","energyKwh":23.45,"peakKw":31.2,\
                "coverage":1.0,"source":"REGISTER","flags":["RESET"],"revision":2,"schemaVersion":1}""");
        assertThat(bytes).isEqualTo(Json.toBytes(Samples.meterHour()));
    }

    // ---- (b) other spellings of valid values ----

    private static final String HOUR = """
            "meterId":"m-1","register":"import","carrier":"district_heating","buildingId":"b-1",\
            "hourStart":"2026-11-23T06:00:00Z","energyKwh":12.5,"peakKw":30.25,"coverage":0.75,"source":"POWER",\
            "flags":["ESTIMATED","GAP"],"revision":3""";

    static Stream<Arguments> fastVariants() {
        return Stream.of(
                Arguments.of("as written", "{" + HOUR + ",\"schemaVersion\":1}"),
                Arguments.of("without schemaVersion", "{" + HOUR + "}"),
                Arguments.of("fields shuffled", """
                        {"revision":3,"flags":["GAP","ESTIMATED"],"schemaVersion":1,"source":"POWER","coverage":0.75,\
                        "peakKw":30.25,"energyKwh":12.5,"hourStart":"2026-11-23T06:00:00Z","buildingId":"b-1",\
                        "carrier":"district_heating","register":"import","meterId":"m-1"}"""),
                Arguments.of("unknown fields nested", """
                        {"extra":{"a":[1,2,{"b":null}],"c":{"meterId":"e"}},%s,"list":[[],{},"x",1.5e3,true],\
                        "key":{"meterId":"other"},"estimated":true,"n":null}""".formatted(HOUR)),
                Arguments.of("schemaVersion of any type", "{" + HOUR + ",\"schemaVersion\":{\"v\":[2]}}"),
                Arguments.of("schemaVersion null", "{\"schemaVersion\":null," + HOUR + "}"),
                Arguments.of("only the required fields", minimal("")),
                Arguments.of("nulls for the optional fields", minimal("""
                        ,"carrier":null,"buildingId":null,"peakKw":null,"source":null,"flags":null""")),
                Arguments.of("no flags", minimal(",\"flags\":[]")),
                Arguments.of("every flag, unsorted, twice", minimal("""
                        ,"flags":["MISSING_METERS","GAP","CONFLICT","SPIKE","GLITCH","ROLLOVER","RESET",\
                        "INTERPOLATED","ESTIMATED","GAP"]""")),
                Arguments.of("every carrier", minimal(",\"carrier\":\"bioenergy\"")),
                Arguments.of("source none", minimal(",\"source\":\"NONE\"")),
                Arguments.of("integer numbers", """
                        {"meterId":"m","register":"r","hourStart":"2026-11-23T06:00:00Z","energyKwh":12,\
                        "peakKw":-3,"coverage":1,"revision":0}"""),
                Arguments.of("minus zero integers", """
                        {"meterId":"m","register":"r","hourStart":"2026-11-23T06:00:00Z","energyKwh":-0,\
                        "peakKw":-0,"coverage":-0.0,"revision":-0}"""),
                Arguments.of("smallest revision", minimal("").replace("\"revision\":1",
                        "\"revision\":-9223372036854775808")),
                Arguments.of("integer beyond long", energy("123456789012345678901234567890")),
                Arguments.of("exponents", energy("1.25e3")),
                Arguments.of("exponent upper case, negative", energy("-5E-2")),
                Arguments.of("huge exponent", energy("1e400")),
                Arguments.of("tiny exponent", energy("1e-400")),
                Arguments.of("many digits", energy("0.1000000000000000055511151231257827021181583404541015625")),
                Arguments.of("fraction of 1 digit", hourStart("2026-11-23T06:00:00.5Z")),
                Arguments.of("fraction of 4 digits", hourStart("2026-11-23T06:00:00.1234Z")),
                Arguments.of("fraction of 9 digits", hourStart("2026-11-23T06:00:00.123456789Z")),
                Arguments.of("year 0", hourStart("0000-01-01T00:00:00Z")),
                Arguments.of("leap day", hourStart("2024-02-29T23:00:00Z")),
                Arguments.of("whitespace", """
                         {
                          "meterId" :\t"m-1" ,
                          "register": "import",\r
                          "hourStart" : "2026-11-23T06:00:00Z" ,
                          "energyKwh"  :  0.25 , "coverage":1.0,
                          "flags" : [ "GAP" , "RESET" ] ,
                          "revision" : 7
                        }
                        """),
                Arguments.of("escapes in strings", """
                        {"meterId":"m\\"\\u00e5\\\\/\\n\\ud83d\\ude00","register":"\\u0065xport",\
                        "buildingId":"\\u0000","hourStart":"2026-11-23T06:00:00Z","energyKwh":1,"coverage":1,\
                        "revision":1}"""),
                Arguments.of("empty strings", """
                        {"meterId":"","register":"","buildingId":"","hourStart":"2026-11-23T06:00:00Z",\
                        "energyKwh":1,"coverage":1,"revision":1}"""),
                Arguments.of("trailing content after the object", "{" + HOUR + "} trailing {"));
    }

    private static String minimal(String more) {
        return """
                {"meterId":"m","register":"r","hourStart":"2026-11-23T06:00:00Z","energyKwh":1.5,"coverage":0.5,\
                "revision":1%s}""".formatted(more);
    }

    private static String energy(String number) {
        return minimal(",\"peakKw\":%s".formatted(number)).replace("\"energyKwh\":1.5", "\"energyKwh\":" + number);
    }

    private static String hourStart(String instant) {
        return minimal("").replace("2026-11-23T06:00:00Z", instant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastVariants")
    void decodesOtherSpellingsOfMeterHoursLikeTheMapperOnTheFastPath(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        MeterHour expected = Json.fromBytes(bytes, MeterHour.class);

        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHour)).isNotNull().isEqualTo(expected);
        assertThat(JsonSerde.meterHour().deserializer().deserialize("t", bytes)).isEqualTo(expected);
    }

    static Stream<Arguments> fastKeyVariants() {
        return Stream.of(
                Arguments.of("as written", """
                        {"meterId":"m","register":"import","buildingId":"b","hourStart":"2026-11-23T06:00:00Z"}"""),
                Arguments.of("fields shuffled", """
                        {"hourStart":"2026-11-23T06:00:00.250Z","buildingId":"b","register":"import","meterId":"m"}"""),
                Arguments.of("empty object", "{}"),
                Arguments.of("explicit nulls", """
                        {"meterId":null,"register":null,"buildingId":null,"hourStart":null}"""),
                Arguments.of("unknown fields nested", """
                        {"x":{"meterId":"n","buildingId":"c"},"meterId":"m","y":[{"hourStart":1}],"buildingId":"b",\
                        "schemaVersion":1,"register":"r","hourStart":"2026-11-23T06:00:00Z","z":-1}"""),
                Arguments.of("whitespace", """
                         { "buildingId" : "b" ,\n "hourStart" :\t"2026-11-23T06:00:00Z" , "meterId" : "m" }
                        """),
                Arguments.of("trailing content after the object", """
                        {"meterId":"m","buildingId":"b"}]]"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastKeyVariants")
    void decodesOtherSpellingsOfKeysLikeTheMapperOnTheFastPath(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        MeterHourKey meterKey = Json.fromBytes(bytes, MeterHourKey.class);
        BuildingHourKey buildingKey = Json.fromBytes(bytes, BuildingHourKey.class);

        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHourKey)).isNotNull().isEqualTo(meterKey);
        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readBuildingHourKey)).isNotNull()
                .isEqualTo(buildingKey);
        assertThat(JsonSerde.meterHourKey().deserializer().deserialize("t", bytes)).isEqualTo(meterKey);
        assertThat(JsonSerde.buildingHourKey().deserializer().deserialize("t", bytes)).isEqualTo(buildingKey);
    }

    // ---- (c) what the mapper reads otherwise, or coerces ----

    static Stream<Arguments> coercedByTheMapper() {
        return Stream.of(
                Arguments.of("offset", hourStart("2026-11-23T07:00:00+01:00")),
                Arguments.of("offset with fraction", hourStart("2026-11-23T06:00:00.5-02:30")),
                Arguments.of("zero offset", hourStart("2026-11-23T06:00:00+00:00")),
                Arguments.of("lower case t and z", hourStart("2026-11-23t06:00:00z")),
                Arguments.of("24:00", hourStart("2026-11-22T24:00:00Z")),
                Arguments.of("year beyond 9999", hourStart("+12026-11-23T06:00:00Z")),
                Arguments.of("epoch seconds as a string", hourStart("1795413600.5")),
                Arguments.of("epoch seconds as a number", minimal("").replace("\"2026-11-23T06:00:00Z\"",
                        "1795413600")),
                Arguments.of("energy as a string", energy("\"12.5\"")),
                Arguments.of("NaN as a string", energy("\"NaN\"")),
                Arguments.of("Infinity as a string", energy("\"-Infinity\"")),
                Arguments.of("revision as a string", minimal("").replace("\"revision\":1", "\"revision\":\"7\"")),
                Arguments.of("revision with a fraction", minimal("").replace("\"revision\":1", "\"revision\":1.5")),
                Arguments.of("revision with an exponent", minimal("").replace("\"revision\":1", "\"revision\":1e3")),
                Arguments.of("meterId as a number", minimal("").replace("\"m\"", "12")),
                Arguments.of("buildingId as a boolean", minimal(",\"buildingId\":true")),
                Arguments.of("carrier in another spelling", minimal(",\"carrier\":\"District-Heating\"")),
                Arguments.of("carrier as its enum name", minimal(",\"carrier\":\"ELECTRICITY\"")),
                Arguments.of("source as an ordinal", minimal(",\"source\":1")),
                Arguments.of("flags as an ordinal", minimal(",\"flags\":[7]")),
                Arguments.of("duplicate field before the hour is complete", minimal("").replace("{",
                        "{\"energyKwh\":99,\"meterId\":\"x\",")),
                Arguments.of("duplicate optional field", minimal(",\"peakKw\":1,\"peakKw\":null")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coercedByTheMapper")
    void leavesOtherSpellingsAndCoercionsToTheMapper(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        MeterHour expected = Json.fromBytes(bytes, MeterHour.class);

        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHour)).isNull();
        assertThat(StreamingJson.fromBytes(bytes, MeterHour.class, HourJson::readMeterHour)).isEqualTo(expected);
        assertThat(JsonSerde.meterHour().deserializer().deserialize("t", bytes)).isEqualTo(expected);
    }

    static Stream<Arguments> keysCoercedByTheMapper() {
        return Stream.of(
                Arguments.of("offset", """
                        {"meterId":"m","buildingId":"b","hourStart":"2026-11-23T07:00:00+01:00"}"""),
                Arguments.of("epoch seconds", """
                        {"meterId":"m","buildingId":"b","hourStart":1795413600}"""),
                Arguments.of("ids as numbers", """
                        {"meterId":1,"register":2.5,"buildingId":3,"hourStart":"2026-11-23T06:00:00Z"}"""),
                Arguments.of("duplicate before the key is complete", """
                        {"meterId":"m","meterId":"n","buildingId":"b","buildingId":"c"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysCoercedByTheMapper")
    void leavesOtherSpellingsOfKeysToTheMapper(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readMeterHourKey)).isNull();
        assertThat(StreamingJson.fastOrNull(bytes, HourJson::readBuildingHourKey)).isNull();
        assertThat(StreamingJson.fromBytes(bytes, MeterHourKey.class, HourJson::readMeterHourKey))
                .isEqualTo(Json.fromBytes(bytes, MeterHourKey.class));
        assertThat(StreamingJson.fromBytes(bytes, BuildingHourKey.class, HourJson::readBuildingHourKey))
                .isEqualTo(Json.fromBytes(bytes, BuildingHourKey.class));
    }

    @Test
    void aJsonNullIsNoValueAsForTheMapper() {
        byte[] bytes = "null".getBytes(StandardCharsets.UTF_8);

        assertThat(Json.fromBytes(bytes, MeterHour.class)).isNull();
        assertThat(StreamingJson.fromBytes(bytes, MeterHour.class, HourJson::readMeterHour)).isNull();
        assertThat(StreamingJson.fromBytes(bytes, MeterHourKey.class, HourJson::readMeterHourKey)).isNull();
        assertThat(StreamingJson.fromBytes(bytes, BuildingHourKey.class, HourJson::readBuildingHourKey)).isNull();
    }

    // ---- (d) what the mapper rejects ----

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("energy null", energy("null")),
                Arguments.of("coverage null", minimal("").replace("\"coverage\":0.5", "\"coverage\":null")),
                Arguments.of("revision null", minimal("").replace("\"revision\":1", "\"revision\":null")),
                Arguments.of("energy missing", minimal("").replace("\"energyKwh\":1.5,", "")),
                Arguments.of("coverage missing", minimal("").replace("\"coverage\":0.5,", "")),
                Arguments.of("revision missing", minimal("").replace(",\"revision\":1", "")),
                Arguments.of("revision beyond long", minimal("").replace("\"revision\":1",
                        "\"revision\":9223372036854775808")),
                Arguments.of("energy a boolean", energy("true")),
                Arguments.of("energy an object", energy("{\"kwh\":1}")),
                Arguments.of("energy not a number", energy("\"abc\"")),
                Arguments.of("meterId missing", minimal("").replace("\"meterId\":\"m\",", "")),
                Arguments.of("meterId null", minimal("").replace("\"m\"", "null")),
                Arguments.of("register missing", minimal("").replace("\"register\":\"r\",", "")),
                Arguments.of("hourStart missing", minimal("").replace("\"hourStart\":\"2026-11-23T06:00:00Z\",", "")),
                Arguments.of("hourStart null", minimal("").replace("\"2026-11-23T06:00:00Z\"", "null")),
                Arguments.of("hourStart not a date", hourStart("yesterday")),
                Arguments.of("hourStart empty", hourStart("")),
                Arguments.of("hourStart on a day the month lacks", hourStart("2026-02-29T06:00:00Z")),
                Arguments.of("hourStart with 10 fraction digits", hourStart("2026-11-23T06:00:00.1234567890Z")),
                Arguments.of("hourStart without zone", hourStart("2026-11-23T06:00:00")),
                Arguments.of("unknown carrier", minimal(",\"carrier\":\"steam\"")),
                Arguments.of("blank carrier", minimal(",\"carrier\":\"\"")),
                Arguments.of("source in lower case", minimal(",\"source\":\"power\"")),
                Arguments.of("unknown flag", minimal(",\"flags\":[\"GAP\",\"gap\"]")),
                Arguments.of("null flag", minimal(",\"flags\":[null]")),
                Arguments.of("flags a string", minimal(",\"flags\":\"GAP\"")),
                Arguments.of("flags an object", minimal(",\"flags\":{\"GAP\":true}")),
                Arguments.of("duplicate field after the hour is complete", "{" + HOUR + ",\"meterId\":\"n\"}"),
                Arguments.of("truncated", "{" + HOUR.substring(0, 60)),
                Arguments.of("truncated after the last field", "{" + HOUR),
                Arguments.of("truncated inside the flags", "{" + HOUR.substring(0, HOUR.indexOf("\"GAP\""))),
                Arguments.of("truncated inside an unknown field", "{" + HOUR + ",\"x\":[1,{\"y\":"),
                Arguments.of("unquoted field name", "{meterId:\"m\"}"),
                Arguments.of("trailing comma", "{" + HOUR + ",}"),
                Arguments.of("unclosed by a bracket", "{" + HOUR + "]"),
                Arguments.of("empty bytes", ""),
                Arguments.of("only blanks", "  \n "),
                Arguments.of("a JSON array", "[{" + HOUR + "}]"),
                Arguments.of("a JSON string", "\"hour\""),
                Arguments.of("a number", "42"),
                Arguments.of("a boolean", "true"),
                Arguments.of("not JSON", "meterId=m;revision=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWhatTheMapperRejectsWithTheSameException(String name, String json) {
        assertRejectedLikeTheMapper(json.getBytes(StandardCharsets.UTF_8), MeterHour.class, HourJson::readMeterHour,
                JsonSerde.meterHour());
    }

    static Stream<Arguments> malformedKeys() {
        return Stream.of(
                Arguments.of("duplicate field after the key is complete", """
                        {"meterId":"m","register":"r","buildingId":"b","hourStart":"2026-11-23T06:00:00Z",\
                        "meterId":"n","buildingId":"c"}"""),
                Arguments.of("hourStart not a date", "{\"hourStart\":\"today\"}"),
                Arguments.of("hourStart an object", "{\"hourStart\":{}}"),
                Arguments.of("ids as objects", "{\"meterId\":{},\"buildingId\":[]}"),
                Arguments.of("truncated", "{\"meterId\":\"m\",\"buildingId\":\"b"),
                Arguments.of("a JSON array", "[]"),
                Arguments.of("a JSON string", "\"b\""),
                Arguments.of("empty bytes", ""),
                Arguments.of("not JSON", "b|2026-11-23T06:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKeys")
    void rejectsKeysTheMapperRejectsWithTheSameException(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertRejectedLikeTheMapper(bytes, MeterHourKey.class, HourJson::readMeterHourKey, JsonSerde.meterHourKey());
        assertRejectedLikeTheMapper(bytes, BuildingHourKey.class, HourJson::readBuildingHourKey,
                JsonSerde.buildingHourKey());
    }

    @Test
    void rejectsInvalidUtf8LikeTheMapper() {
        byte[] inAName = {'{', '"', 'm', (byte) 0xC3, '"', ':', '1', '}'};
        byte[] inAValue = ("{\"meterId\":\"m\",\"register\":\"r\",\"buildingId\":\"b\u00FF\","
                + "\"hourStart\":\"2026-11-23T06:00:00Z\",\"energyKwh\":1,\"coverage\":1,\"revision\":1}")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRejectedLikeTheMapper(inAName, MeterHour.class, HourJson::readMeterHour, JsonSerde.meterHour());
        assertRejectedLikeTheMapper(inAValue, MeterHour.class, HourJson::readMeterHour, JsonSerde.meterHour());
        assertRejectedLikeTheMapper(inAValue, BuildingHourKey.class, HourJson::readBuildingHourKey,
                JsonSerde.buildingHourKey());
    }

    private static <T> void assertRejectedLikeTheMapper(byte[] bytes, Class<T> type, StreamingJson.Decoder<T> decoder,
            Serde<T> serde) {
        Throwable expected = catchThrowable(() -> Json.fromBytes(bytes, type));
        Throwable actual = catchThrowable(() -> StreamingJson.fromBytes(bytes, type, decoder));

        assertThat(expected).as("the mapper rejects it").isNotNull();
        assertThat(actual).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
        assertThat(actual.getCause()).hasSameClassAs(expected.getCause());
        assertThat(StreamingJson.fastOrNull(bytes, decoder)).isNull();

        Throwable viaSerde = catchThrowable(() -> serde.deserializer().deserialize("straumflyt.kpi.x", bytes));
        Throwable viaJsonSerde = catchThrowable(() -> new JsonSerde<>(type).deserializer()
                .deserialize("straumflyt.kpi.x", bytes));
        assertThat(viaSerde).isInstanceOf(SerializationException.class).hasSameClassAs(viaJsonSerde)
                .hasMessage(viaJsonSerde.getMessage()).hasMessageStartingWith("topic straumflyt.kpi.x: ");
        assertThat(viaSerde.getCause()).hasSameClassAs(viaJsonSerde.getCause());
    }

    // ---- (e) the serdes ----

    @Test
    void theMeterHourlyTopicAndTheBuildingHourKeysUseTheStreamingSerdes() {
        Topic<MeterHourKey, MeterHour> topic = Topics.defaults().meterHourly();
        MeterHour hour = Samples.meterHour().withBuildingId(null);

        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), hour);
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), hour.key());
        byte[] buildingKey = Topics.defaults().buildingHourly().keySerde().serializer()
                .serialize("t", new BuildingHourKey("b", Samples.HOUR));

        assertThat(value).isEqualTo(Json.toBytes(hour));
        assertThat(key).isEqualTo(Json.toBytes(hour.key()));
        assertThat(buildingKey).isEqualTo("{\"buildingId\":\"b\",\"hourStart\":\"2026-11-23T06:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), value)).isEqualTo(hour);
        assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo(hour.key());
        assertThat(((JsonSerde<MeterHour>) topic.valueSerde()).type()).isEqualTo(MeterHour.class);
        assertThat(((JsonSerde<MeterHourKey>) topic.keySerde()).type()).isEqualTo(MeterHourKey.class);
        assertThat(JsonSerde.buildingHourKey().type()).isEqualTo(BuildingHourKey.class);
    }

    @Test
    void tombstonesPassThroughTheStreamingSerdes() {
        for (Serde<?> serde : new Serde<?>[] {JsonSerde.meterHour(), JsonSerde.meterHourKey(),
                JsonSerde.buildingHourKey()}) {
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
        assertThat(JsonSerde.meterHour().serializer().serialize("t", null)).isNull();
        assertThat(JsonSerde.meterHourKey().serializer().serialize("t", null)).isNull();
        assertThat(JsonSerde.buildingHourKey().serializer().serialize("t", null)).isNull();
    }

    @Test
    void flagsAreWrittenSortedWhateverOrderTheyWereGivenIn() {
        MeterHour hour = new MeterHour("m", "r", null, null, Samples.HOUR, 1, null, 1, null,
                EnumSet.of(QualityFlag.MISSING_METERS, QualityFlag.ESTIMATED, QualityFlag.GAP), 1);

        String json = new String(StreamingJson.toBytes(hour, HourJson::writeMeterHour), StandardCharsets.UTF_8);

        assertThat(json).contains("\"carrier\":\"electricity\"", "\"source\":\"NONE\"",
                "\"flags\":[\"ESTIMATED\",\"GAP\",\"MISSING_METERS\"]").doesNotContain("buildingId", "peakKw");
    }
}
