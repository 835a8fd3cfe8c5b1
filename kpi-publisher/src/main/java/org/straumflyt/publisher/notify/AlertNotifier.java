package org.straumflyt.publisher.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertKey;

/**
 * The notifier loop: reads {@code alerts} in its own consumer group, posts each opened or closed finding to every
 * webhook that wants it, and commits the record's offset as soon as it is done with it. A restart so resumes after
 * the last finding handled: nothing is told twice, except a finding whose post succeeded just before a crash and
 * before its commit — that one is posted again with the same {@code Idempotency-Key}, for receivers to drop.
 */
public final class AlertNotifier implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<AlertKey, Alert> consumer;
    private final String topic;
    private final List<Webhook> hooks;
    private final WebhookSender sender;
    private final Map<WebhookSender.Outcome, Counter> outcomes = new EnumMap<>(WebhookSender.Outcome.class);
    private volatile boolean running = true;

    public AlertNotifier(Consumer<AlertKey, Alert> consumer, String topic, List<Webhook> hooks, WebhookSender sender,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.topic = topic;
        this.hooks = List.copyOf(hooks);
        this.sender = sender;
        for (WebhookSender.Outcome o : WebhookSender.Outcome.values()) {
            outcomes.put(o, Counter.builder("straumflyt_publisher_notifications_total")
                    .description("Webhook posts of findings, by outcome").tag("outcome", o.name().toLowerCase())
                    .register(registry));
        }
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic));
        try {
            while (running) {
                for (ConsumerRecord<AlertKey, Alert> record : consumer.poll(POLL)) {
                    if (!handle(record.value())) {
                        return;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(10));
            LOG.info("notifier stopped");
        }
    }

    /** Tells every hook that wants it; false when stopped before it was done (its offset is not committed). */
    private boolean handle(Alert alert) {
        if (!Notification.tells(alert)) {
            return true;
        }
        for (Webhook hook : hooks) {
            if (hook.wants(alert)) {
                WebhookSender.Outcome outcome = sender.send(hook, alert, () -> running);
                outcomes.get(outcome).increment();
                if (outcome == WebhookSender.Outcome.STOPPED) {
                    return false;
                }
            }
        }
        return true;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
