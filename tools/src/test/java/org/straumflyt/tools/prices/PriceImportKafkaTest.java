package org.straumflyt.tools.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.DayAheadPriceKey;
import org.straumflyt.model.Topic;
import org.straumflyt.model.Topics;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.tools.KafkaToolRun;
import org.straumflyt.tools.TypedRecords;

@ExtendWith(KafkaExtension.class)
class PriceImportKafkaTest {
    private static final Path XML = Path.of("src/test/resources/prices/entsoe-a44-2026-01-15.xml");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String prefix = "prices-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Topic<DayAheadPriceKey, DayAheadPrice> topic = Topics.withPrefix(prefix).dayAheadPrices();

    private int run(KafkaBroker kafka, String... args) {
        return KafkaToolRun.run(kafka, prefix, out, err, args);
    }

    @Test
    void importsAnEntsoeDocumentKeyedByZoneAndStartInNokPerKwh(KafkaBroker kafka) {
        kafka.createTopic(topic.name(), 3, true);

        int exit = run(kafka, "price-import", "--file", XML.toString(), "--eur-nok", "11.5");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<DayAheadPriceKey, DayAheadPrice>> records = TypedRecords.consume(kafka, topic, 96);
        assertThat(records).hasSize(96);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(
                new DayAheadPriceKey(r.value().zone(), r.value().start())));
        DayAheadPrice first = records.stream().map(ConsumerRecord::value)
                .filter(p -> p.start().equals(Instant.parse("2026-01-14T23:00:00Z"))).findFirst().orElseThrow();
        // 80.00 EUR/MWh × 11.5 NOK/EUR / 1000 kWh/MWh
        assertThat(first.nokPerKwh()).isEqualTo(0.92);
        assertThat(first.zone()).isEqualTo(BiddingZone.NO1);
        assertThat(first.exchangeRateDate()).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("confirmed by Kafka 96", "24 skipped",
                "to " + topic.name());
    }

    @Test
    void aDryRunChecksEverythingAndSendsNothing(KafkaBroker kafka) {
        kafka.createTopic(topic.name(), 1, true);

        int exit = run(kafka, "price-import", "--file", XML.toString(), "--eur-nok", "11.5", "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("checked", "valid 96");
    }
}
