package org.straumflyt.processor.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.model.WeatherSample;

/** The daily mean of a location from its samples, against hand-computed days. */
class WeatherDailyTopologyTest {
    private static final String FORNEBU = "fornebu";
    private static final String LONGYEARBYEN = "longyearbyen";

    private final Topics topics = Topics.withPrefix("t.");
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, WeatherSample> samples;
    private final TestOutputTopic<WeatherKey, WeatherDaily> daily;

    WeatherDailyTopologyTest() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "weather-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        WeatherZones zones = new WeatherZones(ZoneId.of("Europe/Oslo"),
                Map.of(LONGYEARBYEN, ZoneId.of("UTC")));
        WeatherDailyTopology.addTo(builder, topics, zones);
        driver = new TopologyTestDriver(builder.build(), props);
        samples = driver.createInputTopic(topics.weatherSamples().name(),
                topics.weatherSamples().keySerde().serializer(), topics.weatherSamples().valueSerde().serializer());
        daily = driver.createOutputTopic(topics.weatherDaily().name(),
                topics.weatherDaily().keySerde().deserializer(), topics.weatherDaily().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void hoursWeighAlikeHoweverOftenTheSensorReports() {
        // Given, in Oslo winter time (UTC+1), 08:00-09:00 local sampled six times (1, 1, 1, 1, 1, 7: mean 2.0)
        // and 09:00-10:00 local once (8.0)
        for (double t : new double[] {1, 1, 1, 1, 1, 7}) {
            sample(FORNEBU, "2025-01-15T07:0" + (int) t + ":00Z", t);
        }
        sample(FORNEBU, "2025-01-15T08:30:00Z", 8.0);

        // Then the day's mean is (2.0 + 8.0) / 2 = 5.0 over 2 hours, not the sample mean 20 / 7
        WeatherDaily day = latest().get(new WeatherKey(FORNEBU, LocalDate.of(2025, 1, 15)));
        assertThat(day.meanTemperatureC()).isCloseTo(5.0, within(1e-12));
        assertThat(day.hoursWithData()).isEqualTo(2);
    }

    @Test
    void theDayIsTheLocalDayOfTheLocationsZone() {
        // Given a sample at 23:30 UTC: already tomorrow in Oslo (UTC+1), still today in a location kept in UTC
        sample(FORNEBU, "2025-01-15T23:30:00Z", -4.0);
        sample(LONGYEARBYEN, "2025-01-15T23:30:00Z", -20.0);

        Map<WeatherKey, WeatherDaily> days = latest();

        assertThat(days).containsOnlyKeys(new WeatherKey(FORNEBU, LocalDate.of(2025, 1, 16)),
                new WeatherKey(LONGYEARBYEN, LocalDate.of(2025, 1, 15)));
    }

    @Test
    void aSpringDstDayHasTwentyThreeHours() {
        // Given Oslo on 2025-03-30 (clocks go from 02:00 to 03:00): local midnight is 23:00 UTC the day before, the
        // next midnight is 22:00 UTC. One sample in each of its 23 hours, the k-th hour at k °C (0..22),
        // and one sample on each side of the day
        Instant start = Instant.parse("2025-03-29T23:00:00Z");
        sample(FORNEBU, "2025-03-29T22:59:59Z", 100.0 / 3);
        for (int k = 0; k < 23; k++) {
            sample(FORNEBU, start.plusSeconds(3600L * k + 600).toString(), k);
        }
        sample(FORNEBU, "2025-03-30T22:00:00Z", -50.0);

        // Then the day is the mean of 0..22 = 11.0 over 23 hours, and the neighbours are days of their own
        Map<WeatherKey, WeatherDaily> days = latest();
        WeatherDaily dstDay = days.get(new WeatherKey(FORNEBU, LocalDate.of(2025, 3, 30)));
        assertThat(dstDay.meanTemperatureC()).isCloseTo(11.0, within(1e-12));
        assertThat(dstDay.hoursWithData()).isEqualTo(23);
        assertThat(days.get(new WeatherKey(FORNEBU, LocalDate.of(2025, 3, 29))).hoursWithData()).isEqualTo(1);
        assertThat(days.get(new WeatherKey(FORNEBU, LocalDate.of(2025, 3, 31))).meanTemperatureC()).isEqualTo(-50.0);
    }

    @Test
    void anAutumnDstDayKeepsItsTwoOneOClockHoursApart() {
        // Given Oslo on 2025-10-26 (02:00 CEST becomes 02:00 CET): 02:30 local happens at 00:30Z and at 01:30Z
        sample(FORNEBU, "2025-10-26T00:30:00Z", 2.0);
        sample(FORNEBU, "2025-10-26T01:30:00Z", 4.0);
        sample(FORNEBU, "2025-10-26T01:45:00Z", 6.0);

        // Then they are two hours: (2.0 + 5.0) / 2
        WeatherDaily day = latest().get(new WeatherKey(FORNEBU, LocalDate.of(2025, 10, 26)));
        assertThat(day.hoursWithData()).isEqualTo(2);
        assertThat(day.meanTemperatureC()).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void aLateSampleUpdatesItsDay() {
        // Given a day computed from two hours (2.0 and 8.0: mean 5.0)
        sample(FORNEBU, "2025-01-15T07:10:00Z", 2.0);
        sample(FORNEBU, "2025-01-15T08:10:00Z", 8.0);
        sample(FORNEBU, "2025-01-16T12:00:00Z", 0.0);
        List<WeatherDaily> before = daily.readValuesToList();
        assertThat(before.get(1).meanTemperatureC()).isCloseTo(5.0, within(1e-12));

        // When samples of that day arrive after the next day's: a new hour (-1.0), and one more in 08:00Z (8 → 6)
        sample(FORNEBU, "2025-01-15T02:00:00Z", -1.0);
        sample(FORNEBU, "2025-01-15T08:50:00Z", 4.0);

        // Then the day is corrected: (-1.0 + 2.0 + 6.0) / 3 over 3 hours, as a new record for the same key
        List<WeatherDaily> after = daily.readValuesToList();
        assertThat(after).hasSize(2).allSatisfy(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2025, 1, 15)));
        assertThat(after.get(1).meanTemperatureC()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(after.get(1).hoursWithData()).isEqualTo(3);
    }

    @Test
    void theOrderOfSamplesDoesNotChangeTheDay() {
        // Given the same samples of one day, once in time order, once reversed, for two locations
        String[][] day = {{"2025-01-15T05:00:00Z", "-3.0"}, {"2025-01-15T05:20:00Z", "-2.5"},
                {"2025-01-15T11:00:00Z", "1.5"}, {"2025-01-15T17:59:59Z", "-0.5"}};
        for (String[] s : day) {
            sample("ordered", s[0], Double.parseDouble(s[1]));
        }
        for (int i = day.length - 1; i >= 0; i--) {
            sample("reversed", day[i][0], Double.parseDouble(day[i][1]));
        }

        // Then both give ((-3.0 + -2.5) / 2 + 1.5 + -0.5) / 3 = -0.5833...
        Map<WeatherKey, WeatherDaily> days = latest();
        LocalDate date = LocalDate.of(2025, 1, 15);
        assertThat(days.get(new WeatherKey("ordered", date)).meanTemperatureC())
                .isCloseTo(-1.75 / 3, within(1e-12))
                .isEqualTo(days.get(new WeatherKey("reversed", date)).meanTemperatureC());
    }

    private void sample(String location, String at, double temperatureC) {
        samples.pipeInput(location, new WeatherSample(location, Instant.parse(at), temperatureC, null),
                Instant.parse(at));
    }

    /** The latest record of every key, as a compacted topic keeps it. */
    private Map<WeatherKey, WeatherDaily> latest() {
        Map<WeatherKey, WeatherDaily> latest = new LinkedHashMap<>();
        daily.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("weather-topology").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
