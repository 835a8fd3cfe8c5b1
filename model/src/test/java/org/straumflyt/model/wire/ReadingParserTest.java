package org.straumflyt.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.Origin;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;

/**
 * The streaming reading parser decodes exactly like the mapper: an equal reading for whatever the mapper accepts,
 * the same exception with the same message for whatever it rejects, and the fast path for what the writer makes.
 */
class ReadingParserTest {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years the writer prints with four digits. */
    private static final long FOUR_DIGIT_YEARS_FROM = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_TO = 253_402_300_799L;

    // ---- (a) what the writer makes ----

    @Property(tries = 1000)
    void decodesWhatTheMapperWritesLikeTheMapper(@ForAll("meterIds") String meterId,
            @ForAll("registers") String register, @ForAll ReadingKind kind, @ForAll("values") double value,
            @ForAll("instants") Instant timestamp, @ForAll("intervalLengths") Duration interval,
            @ForAll("carriers") Carrier carrier, @ForAll("buildingIds") String buildingId,
            @ForAll("origins") Origin origin) {
        Instant intervalStart = kind == ReadingKind.INTERVAL_ENERGY ? timestamp.minus(interval) : null;
        Reading original = new Reading(meterId, register, kind, value, timestamp, intervalStart, carrier, buildingId,
                origin);
        byte[] bytes = Json.toBytes(original);

        Reading expected = Json.fromBytes(bytes, Reading.class);
        Reading parsed = ReadingParser.parse(bytes);

        assertThat(parsed).isEqualTo(expected).isEqualTo(original);
        if (Double.isFinite(value) && fourDigitYears(timestamp) && (intervalStart == null
                || fourDigitYears(intervalStart)) && (origin == null || origin.receivedAt() == null
                || fourDigitYears(origin.receivedAt()))) {
            assertThat(ReadingParser.fastOrNull(bytes)).as("fast path of %s", Json.toString(original))
                    .isEqualTo(expected);
        }
    }

    private static boolean fourDigitYears(Instant instant) {
        return instant.getEpochSecond() >= FOUR_DIGIT_YEARS_FROM && instant.getEpochSecond() <= FOUR_DIGIT_YEARS_TO;
    }

    @Provide
    Arbitrary<String> meterIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ':', '/').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("", "m\"1\\", "måler-ø", "tab\tnl\n", "\u0000\u001f\u2028"));
    }

    @Provide
    Arbitrary<String> registers() {
        return Arbitraries.oneOf(Arbitraries.of("import", "export", "heat", " ", "").injectNull(0.2),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e9).ofScale(3),
                Arbitraries.doubles(),
                Arbitraries.integers().between(-1000, 100_000).map(Integer::doubleValue),
                Arbitraries.of(0.0, -0.0, 1e-300, 4.9e-324, Double.MAX_VALUE, -Double.MAX_VALUE, 1e21, 123456789.0e10,
                        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return instantArbitrary();
    }

    private static Arbitrary<Instant> instantArbitrary() {
        Arbitrary<Long> recent = Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L);
        Arbitrary<Long> fourDigitYears = Arbitraries.longs().between(FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO);
        Arbitrary<Long> beforeEpoch = Arbitraries.longs().between(-2_000_000_000L, -1L);
        Arbitrary<Long> farOut = Arbitraries.longs().between(-31_000_000_000_000L, 31_000_000_000_000L);
        Arbitrary<Long> edges = Arbitraries.of(0L, -1L, 1L, FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO,
                FOUR_DIGIT_YEARS_TO + 1, 951_782_400L /* 2000-02-29 */, 4_107_456_000L /* 2100-02-28 */);
        @SuppressWarnings("unchecked")
        Arbitrary<Long> epochSeconds = Arbitraries.frequencyOf(
                Tuple.of(5, recent), Tuple.of(3, fourDigitYears),
                Tuple.of(2, beforeEpoch), Tuple.of(1, farOut),
                Tuple.of(1, edges));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.of(1, 10, 100_000_000, 999_999_999, 120_000_000));
        return Combinators.combine(epochSeconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> intervalLengths() {
        return Arbitraries.oneOf(Arbitraries.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofNanos(1)),
                Arbitraries.longs().between(1, 86_400_000_000_000L).map(Duration::ofNanos));
    }

    @Provide
    Arbitrary<Carrier> carriers() {
        return Arbitraries.of(Carrier.class).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> buildingIds() {
        return Arbitraries.strings().all().ofMaxLength(16).injectNull(0.4);
    }

    @Provide
    Arbitrary<Origin> origins() {
        Arbitrary<String> topics = Arbitraries.strings().all().ofMaxLength(30).injectNull(0.1);
        Arbitrary<String> formats = Arbitraries.of("canonical", "ams", "shelly").injectNull(0.1);
        return Combinators.combine(topics, formats, instantArbitrary().injectNull(0.1))
                .as(Origin::new).injectNull(0.2);
    }

    @Property(tries = 1000)
    void parsesEveryFractionLengthLikeInstantParse(@ForAll("fourDigitYearInstants") Instant instant,
            @ForAll("fractionLengths") int fractionDigits) {
        String text = instant.toString();
        String seconds = text.substring(0, 19);
        String nanos = "%09d".formatted(instant.getNano());
        String written = fractionDigits == 0 ? seconds + "Z" : seconds + "." + nanos.substring(0, fractionDigits) + "Z";
        byte[] bytes = stamp(written).getBytes(StandardCharsets.UTF_8);

        Reading fast = ReadingParser.fastOrNull(bytes);

        assertThat(fast).as(written).isNotNull();
        assertThat(fast.timestamp()).as(written).isEqualTo(Instant.parse(written));
        assertThat(fast).isEqualTo(Json.fromBytes(bytes, Reading.class));
    }

    @Provide
    Arbitrary<Instant> fourDigitYearInstants() {
        return Combinators.combine(Arbitraries.longs().between(FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Integer> fractionLengths() {
        return Arbitraries.integers().between(0, 9);
    }

    // ---- (b) other spellings of valid readings ----

    private static final String BASE = """
            "meterId":"m-1","register":"import","kind":"POWER","value":2.5,\
            "timestamp":"2026-11-23T10:15:00Z","carrier":"gas","buildingId":"b-1",\
            "origin":{"mqttTopic":"meters/m-1","format":"canonical","receivedAt":"2026-11-23T10:15:00.250Z"}""";

    static Stream<Arguments> fastVariants() {
        return Stream.of(
                Arguments.of("as written", "{" + BASE + ",\"schemaVersion\":1}"),
                Arguments.of("fields shuffled", """
                        {"origin":{"receivedAt":"2026-11-23T10:15:00.250Z","format":"canonical",\
                        "mqttTopic":"meters/m-1"},"buildingId":"b-1","value":2.5,"timestamp":"2026-11-23T10:15:00Z",\
                        "carrier":"gas","schemaVersion":1,"kind":"POWER","register":"import","meterId":"m-1"}"""),
                Arguments.of("unknown fields nested", """
                        {"extra":{"a":[1,2,{"b":null}],"c":{"d":"e"}},%s,"list":[[],{},"x",1.5e3,true],\
                        "origin2":{"meterId":"other"},"n":null}""".formatted(BASE)),
                Arguments.of("unknown field inside origin", """
                        {"meterId":"m-1","kind":"POWER","value":2.5,"timestamp":"2026-11-23T10:15:00Z",\
                        "origin":{"extra":{"x":[1]},"mqttTopic":"t","receivedAt":"2026-11-23T10:15:00Z","y":2}}"""),
                Arguments.of("schemaVersion of any type", "{" + BASE + ",\"schemaVersion\":{\"v\":[2]}}"),
                Arguments.of("fraction of 1 digit", timestamp("2026-11-23T10:15:00.5Z")),
                Arguments.of("fraction of 2 digits", timestamp("2026-11-23T10:15:00.12Z")),
                Arguments.of("fraction of 3 digits", timestamp("2026-11-23T10:15:00.123Z")),
                Arguments.of("fraction of 4 digits", timestamp("2026-11-23T10:15:00.1234Z")),
                Arguments.of("fraction of 5 digits", timestamp("2026-11-23T10:15:00.12345Z")),
                Arguments.of("fraction of 6 digits", timestamp("2026-11-23T10:15:00.123456Z")),
                Arguments.of("fraction of 7 digits", timestamp("2026-11-23T10:15:00.1234567Z")),
                Arguments.of("fraction of 8 digits", timestamp("2026-11-23T10:15:00.12345678Z")),
                Arguments.of("fraction of 9 digits", timestamp("2026-11-23T10:15:00.123456789Z")),
                Arguments.of("fraction of zeros", timestamp("2026-11-23T10:15:00.000000000Z")),
                Arguments.of("leap day", timestamp("2024-02-29T23:59:59.999Z")),
                Arguments.of("before 1970", timestamp("1969-12-31T23:59:59.999999999Z")),
                Arguments.of("year 0", timestamp("0000-01-01T00:00:00Z")),
                Arguments.of("year 9999", timestamp("9999-12-31T23:59:59.999999999Z")),
                Arguments.of("integer value", value("12")),
                Arguments.of("negative integer value", value("-7")),
                Arguments.of("integer beyond long", value("123456789012345678901234567890")),
                Arguments.of("exponent", value("1.25e3")),
                Arguments.of("exponent upper case, negative", value("-5E-2")),
                Arguments.of("exponent without fraction", value("3e+2")),
                Arguments.of("huge exponent", value("1e400")),
                Arguments.of("many digits", value("0.1000000000000000055511151231257827021181583404541015625")),
                Arguments.of("whitespace", """
                         {
                          "meterId" :\t"m-1" ,
                          "kind": "INTERVAL_ENERGY",\r
                          "value"  :  0.25 ,
                          "timestamp" : "2026-11-23T10:15:00Z" ,
                          "intervalStart":"2026-11-23T10:00:00Z",
                          "origin" : { "format" : "ams" }
                        }
                        """),
                Arguments.of("nulls for the optional fields", """
                        {"meterId":"m","register":null,"kind":"ENERGY_REGISTER","value":1,\
                        "timestamp":"2026-11-23T10:15:00Z","intervalStart":null,"carrier":null,"buildingId":null,\
                        "origin":null}"""),
                Arguments.of("empty origin", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z","origin":{}}"""),
                Arguments.of("escapes in strings", """
                        {"meterId":"m\\"\\u00e5\\\\/\\n","register":"\\u0065xport","kind":"POWER","value":1,\
                        "timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("blank register", """
                        {"meterId":"m","register":"  ","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("trailing content after the object", "{" + BASE + "} trailing {"));
    }

    private static String timestamp(String instant) {
        return """
                {"meterId":"m","kind":"POWER","value":1.5,"timestamp":"%s","origin":{"receivedAt":"%1$s"}}"""
                .formatted(instant);
    }

    private static String value(String number) {
        return """
                {"meterId":"m","kind":"POWER","value":%s,"timestamp":"2026-11-23T10:15:00Z"}""".formatted(number);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastVariants")
    void decodesOtherSpellingsLikeTheMapperOnTheFastPath(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Reading expected = Json.fromBytes(bytes, Reading.class);

        assertThat(ReadingParser.parse(bytes)).isEqualTo(expected);
        assertThat(ReadingParser.fastOrNull(bytes)).isEqualTo(expected);
    }

    static Stream<Arguments> mapperVariants() {
        return Stream.of(
                Arguments.of("offset", stamp("2026-11-23T10:15:00+01:00"), Instant.parse("2026-11-23T09:15:00Z")),
                Arguments.of("offset with fraction", stamp("2026-11-23T10:15:00.5-02:30"),
                        Instant.parse("2026-11-23T12:45:00.5Z")),
                Arguments.of("zero offset", stamp("2026-11-23T10:15:00+00:00"), Instant.parse("2026-11-23T10:15:00Z")),
                Arguments.of("lower case t and z", stamp("2026-11-23t10:15:00z"), Instant.parse("2026-11-23T10:15:00Z")),
                Arguments.of("24:00", stamp("2026-11-23T24:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")),
                Arguments.of("dot without digits", stamp("2026-11-23T10:15:00.Z"), Instant.parse("2026-11-23T10:15:00Z")),
                Arguments.of("padded with blanks", stamp(" 2026-11-23T10:15:00Z "),
                        Instant.parse("2026-11-23T10:15:00Z")),
                Arguments.of("year beyond 9999", stamp("+12026-11-23T10:15:00Z"),
                        Instant.parse("+12026-11-23T10:15:00Z")),
                Arguments.of("epoch seconds as a number", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":1795428900}""",
                        Instant.parse("2026-11-23T10:15:00Z")),
                Arguments.of("epoch seconds as a string", stamp("1795428900.5"),
                        Instant.parse("2026-11-23T10:15:00.5Z")));
    }

    private static String stamp(String instant) {
        return """
                {"meterId":"m","kind":"POWER","value":1,"timestamp":"%s"}""".formatted(instant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapperVariants")
    void leavesOtherTimestampSpellingsToTheMapper(String name, String json, Instant timestamp) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        Reading parsed = ReadingParser.parse(bytes);

        assertThat(parsed).isEqualTo(Json.fromBytes(bytes, Reading.class));
        assertThat(parsed.timestamp()).isEqualTo(timestamp);
        assertThat(ReadingParser.fastOrNull(bytes)).isNull();
    }

    static Stream<Arguments> coercedByTheMapper() {
        return Stream.of(
                Arguments.of("value as a string", value("\"12.5\"")),
                Arguments.of("NaN as a string", value("\"NaN\"")),
                Arguments.of("meterId as a number", """
                        {"meterId":12,"kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("kind as an ordinal", """
                        {"meterId":"m","kind":1,"value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("carrier in another spelling", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "carrier":"District-Heating"}"""),
                Arguments.of("duplicate field before the reading is complete", """
                        {"meterId":"m","kind":"POWER","value":1,"value":2,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("duplicate field in origin", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "origin":{"format":"a","format":"b"}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coercedByTheMapper")
    void leavesCoercionsAndDuplicatesToTheMapper(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Reading expected = Json.fromBytes(bytes, Reading.class);

        assertThat(ReadingParser.parse(bytes)).isEqualTo(expected);
        assertThat(ReadingParser.fastOrNull(bytes)).isNull();
    }

    @Test
    void aJsonNullIsNoReadingAsForTheMapper() {
        byte[] bytes = "null".getBytes(StandardCharsets.UTF_8);

        assertThat(Json.fromBytes(bytes, Reading.class)).isNull();
        assertThat(ReadingParser.parse(bytes)).isNull();
    }

    // ---- (c) what the mapper rejects ----

    static Stream<Arguments> malformed() {
        String full = "{" + BASE.replace("\"kind\":\"POWER\"", "\"kind\":\"INTERVAL_ENERGY\"")
                + ",\"intervalStart\":\"2026-11-23T10:00:00Z\"";
        return Stream.of(
                Arguments.of("missing meterId", """
                        {"kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("meterId null", """
                        {"meterId":null,"kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("missing kind", """
                        {"meterId":"m","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("bad kind", """
                        {"meterId":"m","kind":"power","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("bad carrier", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z","carrier":"coal"}"""),
                Arguments.of("blank carrier", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z","carrier":""}"""),
                Arguments.of("missing value", """
                        {"meterId":"m","kind":"POWER","timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("value null", value("null")),
                Arguments.of("value abc", value("\"abc\"")),
                Arguments.of("value true", value("true")),
                Arguments.of("value an object", value("{\"kwh\":1}")),
                Arguments.of("missing timestamp", """
                        {"meterId":"m","kind":"POWER","value":1}"""),
                Arguments.of("empty timestamp", stamp("")),
                Arguments.of("timestamp not a date", stamp("yesterday")),
                Arguments.of("timestamp on a day the month lacks", stamp("2026-02-29T10:15:00Z")),
                Arguments.of("timestamp at hour 25", stamp("2026-11-23T25:15:00Z")),
                Arguments.of("timestamp with 10 fraction digits", stamp("2026-11-23T10:15:00.1234567890Z")),
                Arguments.of("timestamp without zone", stamp("2026-11-23T10:15:00")),
                Arguments.of("interval start after timestamp", """
                        {"meterId":"m","kind":"INTERVAL_ENERGY","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "intervalStart":"2026-11-23T10:30:00Z"}"""),
                Arguments.of("interval start equal to timestamp", """
                        {"meterId":"m","kind":"INTERVAL_ENERGY","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "intervalStart":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("interval energy without start", """
                        {"meterId":"m","kind":"INTERVAL_ENERGY","value":1,"timestamp":"2026-11-23T10:15:00Z"}"""),
                Arguments.of("interval start on a power sample", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "intervalStart":"2026-11-23T10:00:00Z"}"""),
                Arguments.of("origin a string", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z","origin":"ams"}"""),
                Arguments.of("origin an array", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z","origin":[]}"""),
                Arguments.of("bad receivedAt", """
                        {"meterId":"m","kind":"POWER","value":1,"timestamp":"2026-11-23T10:15:00Z",\
                        "origin":{"receivedAt":"now"}}"""),
                Arguments.of("duplicate field after the reading is complete", full + ",\"meterId\":\"n\"}"),
                Arguments.of("truncated", "{" + BASE.substring(0, 60)),
                Arguments.of("truncated after the last field", "{" + BASE),
                Arguments.of("truncated inside an unknown field", "{" + BASE + ",\"x\":[1,{\"y\":"),
                Arguments.of("unquoted field name", "{meterId:\"m\"}"),
                Arguments.of("trailing comma", "{" + BASE + ",}"),
                Arguments.of("empty bytes", ""),
                Arguments.of("only blanks", "  \n "),
                Arguments.of("a JSON array", "[" + "{" + BASE + "}]"),
                Arguments.of("a JSON string", "\"reading\""),
                Arguments.of("a number", "42"),
                Arguments.of("not JSON", "meterId=m;value=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWhatTheMapperRejectsWithTheSameException(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        Throwable expected = catchThrowable(() -> Json.fromBytes(bytes, Reading.class));
        Throwable actual = catchThrowable(() -> ReadingParser.parse(bytes));

        assertThat(expected).as("the mapper rejects it").isNotNull();
        assertThat(actual).isNotNull().hasSameClassAs(expected).hasMessage(expected.getMessage());
        assertThat(actual.getCause()).hasSameClassAs(expected.getCause());
        assertThat(ReadingParser.fastOrNull(bytes)).isNull();
    }

    @Test
    void rejectsInvalidUtf8LikeTheMapper() {
        byte[] bytes = {'{', '"', 'm', (byte) 0xC3, '"', ':', '1', '}'};

        Throwable expected = catchThrowable(() -> Json.fromBytes(bytes, Reading.class));
        Throwable actual = catchThrowable(() -> ReadingParser.parse(bytes));

        assertThat(expected).isNotNull();
        assertThat(actual).hasSameClassAs(expected).hasMessage(expected.getMessage());
    }
}
