package org.straumflyt.publisher;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertKey;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.publisher.consume.PublishLoop;
import org.straumflyt.publisher.consume.PublisherMetrics;
import org.straumflyt.publisher.consume.PublishLoops;
import org.straumflyt.publisher.notify.AlertNotifier;
import org.straumflyt.publisher.notify.Webhook;
import org.straumflyt.publisher.notify.WebhookSender;
import org.straumflyt.publisher.write.Backoff;
import org.straumflyt.publisher.write.InfluxPointStore;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.KafkaMeters;
import org.straumflyt.runtime.Service;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.runtime.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the publisher: one consumer group over every KPI topic, one loop thread, the InfluxDB client and the
 * dead-letter producer; registers readiness checks for Kafka and the store.
 */
public final class PublisherService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final PublisherConfig config;
    private final ServiceContext context;
    private final Topics topics;
    private InfluxPointStore store;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<String, DeadLetter> producer;
    private KafkaMeters.Binding consumerMetrics;
    private PublishLoop loop;
    private Thread thread;
    private AlertNotifier notifier;
    private Thread notifierThread;

    public PublisherService(PublisherConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
        this.topics = Topics.withPrefix(config.topicPrefix());
    }

    @Override
    public void start() {
        List<Topic<?, ?>> owned = new ArrayList<>(topics.kpiTopics());
        owned.add(topics.kpiDlq());
        TopicProvisioner provisioner = config.topicProvisioner();
        if (provisioner != null) {
            context.health().waitingFor("Kafka at " + config.bootstrapServers() + " to create topics");
            provisioner.ensure(owned);
        }
        store = new InfluxPointStore(config.influxUrl(), config.influxToken().value().toCharArray(),
                config.influxOrg(), config.influxBucket(), config.influxTimeout(), config.gzip());
        if (config.createBucket()) {
            context.health().waitingFor("InfluxDB at " + config.influxUrl() + " to check the bucket");
            store.createBucketIfMissing();
        }
        consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        KafkaConsumer<byte[], byte[]> client = consumer;
        consumerMetrics = KafkaMeters.bind(context, client::metrics, () -> new KafkaClientMetrics(client), null,
                KafkaMeters.DEFAULT_REFRESH);
        Topic<String, DeadLetter> dlq = topics.kpiDlq();
        producer = new KafkaProducer<>(producerProperties(), dlq.keySerde().serializer(),
                dlq.valueSerde().serializer());
        List<String> names = topics.kpiTopics().stream().<String>map(Topic::name).toList();
        PublisherMetrics metrics = new PublisherMetrics(context.registry());
        loop = PublishLoops.create(consumer, producer, dlq, names, topics.kpiTopics(), store, metrics,
                new Backoff(config.retryBackoffInitial(), config.retryBackoffMax()), config.batchSize(),
                config.batchLinger(), context.clock());
        context.health().check("kafka", this::kafkaStatus).check("influxdb", this::storeStatus);
        thread = new Thread(this::runLoop, context.name() + "-loop");
        thread.start();
        startNotifier();
        LOG.info("publishing {} to {} (org {}, bucket {}) as group {}", names, config.influxUrl(),
                config.influxOrg(), config.influxBucket(), config.groupId());
    }

    /** The second sink of the alerts topic: webhooks, in a consumer group of its own. */
    private void startNotifier() {
        List<Webhook> hooks = config.webhooks();
        if (hooks.isEmpty()) {
            return;
        }
        Topic<AlertKey, Alert> alerts = topics.alerts();
        Properties properties = consumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, notifyGroupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, context.name() + "-notify");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        notifier = new AlertNotifier(new KafkaConsumer<>(properties, alerts.keySerde().deserializer(),
                alerts.valueSerde().deserializer()), alerts.name(), hooks,
                new WebhookSender(config.notifyTimeout(), new Backoff(config.retryBackoffInitial(),
                        config.retryBackoffMax()), config.notifyMaxAttempts()), context.registry());
        notifierThread = new Thread(() -> {
            try {
                notifier.run();
            } catch (RuntimeException e) {
                LOG.error("notifier failed", e);
                context.health().fail("notifier failed: " + e);
            }
        }, context.name() + "-notify");
        notifierThread.start();
        LOG.info("telling {} webhooks of findings on {} as group {}", hooks.size(), alerts.name(), notifyGroupId());
    }

    String notifyGroupId() {
        return config.groupId() + "-notify";
    }

    private Health.Status kafkaStatus() {
        String reason = loop.kafkaNotReadyReason();
        return reason == null
                ? Health.Status.up("consuming as group " + config.groupId() + " from Kafka at " + config.bootstrapServers())
                : Health.Status.down(reason + " (group " + config.groupId() + ", Kafka at " + config.bootstrapServers()
                        + ")");
    }

    private Health.Status storeStatus() {
        String failure = loop.lastStoreFailure();
        return failure == null
                ? Health.Status.up("the last write to " + config.influxUrl() + " succeeded (or none yet)")
                : Health.Status.down("the last write to " + config.influxUrl() + " failed (" + failure
                        + "); consumption paused, retrying");
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (RuntimeException e) {
            LOG.error("publisher loop failed", e);
            context.health().fail("publisher loop failed: " + e);
        }
    }

    private Properties consumerProperties() {
        Properties properties = config.kafkaProperties();
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, context.name());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A poll never brings more than one batch worth of records, so memory stays near one batch.
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(config.batchSize(), 2_000));
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = config.kafkaProperties();
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, context.name() + "-dlq");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }

    @Override
    public void close() {
        if (notifier != null) {
            notifier.stop();
            try {
                notifierThread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loop != null) {
            loop.stop();
        }
        if (thread != null) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (consumerMetrics != null) {
            consumerMetrics.close();
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(10));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (store != null) {
            store.close();
        }
    }
}
