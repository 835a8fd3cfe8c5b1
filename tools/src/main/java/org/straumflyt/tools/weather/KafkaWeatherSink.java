package org.straumflyt.tools.weather;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.straumflyt.model.Topic;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;
import org.straumflyt.tools.KafkaSettings;

/**
 * Sends days to {@code weather.daily}, keyed by location and date, with an idempotent producer and
 * {@code acks=all}: a confirmed day is on every in-sync replica, and producer retries never duplicate one. The topic
 * is compacted, so importing the same file again changes nothing.
 */
public final class KafkaWeatherSink implements WeatherSink {
    private final KafkaProducer<WeatherKey, WeatherDaily> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    private KafkaWeatherSink(KafkaProducer<WeatherKey, WeatherDaily> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Connects, after checking that the topic exists (a producer would otherwise wait for it, or let the broker
     * auto-create it without compaction).
     *
     * @param timeout how long to wait for Kafka to answer, and to block on a full send buffer
     */
    public static KafkaWeatherSink open(KafkaSettings settings, Duration timeout) throws InterruptedException {
        Topic<WeatherKey, WeatherDaily> weather = settings.topics().weatherDaily();
        requireTopic(settings, weather.name(), timeout);
        Properties config = settings.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "straumflyt-weather-import");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        KafkaProducer<WeatherKey, WeatherDaily> producer = new KafkaProducer<>(config,
                weather.keySerde().serializer(), weather.valueSerde().serializer());
        return new KafkaWeatherSink(producer, weather.name());
    }

    private static void requireTopic(KafkaSettings settings, String topic, Duration timeout)
            throws InterruptedException {
        Properties config = settings.clientConfig();
        // The admin client refuses an API timeout shorter than its request timeout.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(timeout.toMillis(), 30_000)));
        try (Admin admin = Admin.create(config)) {
            admin.describeTopics(Set.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic '" + topic + "' does not exist at "
                        + settings.bootstrapServers() + "; the stream processor creates it on start, or create it "
                        + "compacted (cleanup.policy=compact)");
            }
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + timeout, e);
        }
    }

    @Override
    public void send(long lineNumber, WeatherDaily day) {
        String failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        WeatherKey key = new WeatherKey(day.locationId(), day.date());
        producer.send(new ProducerRecord<>(topic, key, day), (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, "Kafka refused line " + lineNumber + ": " + exception.getMessage());
            }
        });
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void flush() {
        producer.flush();
        String failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
