package org.straumflyt.processor.weather;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.wire.JsonSerde;
import org.straumflyt.model.Topics;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.model.WeatherSample;

/**
 * weather.samples ─▶ group by location + local date ─▶ hourly sums ─▶ weather.daily (upserts).
 *
 * <p>The daily mean of a location is the mean of the means of the local clock hours that have samples, with the
 * number of those hours ({@code hoursWithData}). A sample is added to its day whenever it arrives, so a late sample
 * updates the day and a new {@code weather.daily} record for the same key follows; there is no lateness horizon (a
 * day's state is at most 25 hourly sums). The day is the local date in the location's zone ({@link WeatherZones}),
 * so a DST day has 23 or 25 hours. A sample delivered twice (MQTT QoS 1 redelivery) is counted twice in its hour; in
 * an hour of many samples that shifts the hour's mean negligibly, and in an hour of one sample not at all.
 *
 * <p>Samples with a non-finite temperature (which ingest never produces) are skipped. Its stores are DSL stores, so
 * the builder's {@code dsl.store.suppliers.class} (in-memory or RocksDB) applies to them.
 */
public final class WeatherDailyTopology {
    /** The aggregate store of the days, and the prefix of its changelog topic. */
    public static final String DAY_AGGREGATES = "weather-day-aggregates";
    /** The repartition by location and date. */
    public static final String DAY_GROUP = "weather-day-group";

    private WeatherDailyTopology() {
    }

    /** Adds the weather stage to a topology being built. */
    public static void addTo(StreamsBuilder builder, Topics topics, WeatherZones zones) {
        var samples = topics.weatherSamples();
        var daily = topics.weatherDaily();
        builder.stream(samples.name(), Consumed.with(samples.keySerde(), samples.valueSerde())
                        .withName("weather-samples-source"))
                .filter((location, sample) -> sample != null && Double.isFinite(sample.temperatureC()),
                        Named.as("weather-sample-valid"))
                .groupBy((location, sample) -> dayOf(sample, zones),
                        Grouped.with(DAY_GROUP, daily.keySerde(), samples.valueSerde()))
                .aggregate(WeatherDayAggregate::empty,
                        (day, sample, agg) -> agg.add(hourOf(sample.timestamp(), zones.zoneOf(day.locationId())),
                                sample.temperatureC()),
                        Named.as("weather-day-aggregate"),
                        Materialized.<WeatherKey, WeatherDayAggregate, KeyValueStore<Bytes, byte[]>>as(DAY_AGGREGATES)
                                .withKeySerde(daily.keySerde())
                                .withValueSerde(new JsonSerde<>(WeatherDayAggregate.class)))
                .toStream(Named.as("weather-day-changes"))
                .mapValues((day, agg) -> agg.daily(day), Named.as("weather-day-mean"))
                .to(daily.name(), Produced.with(daily.keySerde(), daily.valueSerde()).withName("weather-daily-sink"));
    }

    /** The location and local date of a sample. */
    static WeatherKey dayOf(WeatherSample sample, WeatherZones zones) {
        ZoneId zone = zones.zoneOf(sample.locationId());
        return new WeatherKey(sample.locationId(), sample.timestamp().atZone(zone).toLocalDate());
    }

    /**
     * The start of the local clock hour of an instant. The offset is kept, so the two 02:00 hours of an autumn DST
     * change are two hours.
     */
    static Instant hourOf(Instant at, ZoneId zone) {
        return ZonedDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }
}
