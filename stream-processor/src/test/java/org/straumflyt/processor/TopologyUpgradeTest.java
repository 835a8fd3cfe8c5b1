package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.straumflyt.processor.UpgradeFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.servers.KafkaBroker;
import org.straumflyt.servers.KafkaExtension;
import org.straumflyt.servers.PrivateServer;

/**
 * The topology of this commit starts on the state an older one left (the fixture of {@link UpgradeFixture}): its
 * stores, changelogs and internal topics have the old names, and with the old state restored it produces what the
 * old topology produced for the same further readings.
 */
@ExtendWith(KafkaExtension.class)
class TopologyUpgradeTest {
    private static final Pattern NAMES = Pattern.compile(
            "(?:Source|Processor|Sink): (\\S+)|stores: \\[([^\\]]*)\\]|topics?: \\[?([^\\]\\s)]+)");
    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    @Test
    void shouldKeepEveryNodeStoreAndTopicNameOfTheOldTopology() throws Exception {
        // Given the old topology's description
        Set<String> old = names(String.join("\n", read("topology.txt")));
        // When this commit builds its topology with the service's settings
        Path state = Files.createTempDirectory("upgrade-names");
        Properties properties = streamsProperties("127.0.0.1:9", state);
        Set<String> now = names(topology(properties).describe().toString());
        // Then the names are the same
        assertThat(old).hasSizeGreaterThan(50);
        assertThat(now).isEqualTo(old);
    }

    @Test
    void shouldDescribeTheSameSubTopologiesInTheSameOrder() throws Exception {
        // sub-topology numbers name the tasks, and so the state directories a running processor already has
        Path state = Files.createTempDirectory("upgrade-description");
        String now = topology(streamsProperties("127.0.0.1:9", state)).describe().toString();
        assertThat(List.of(now.split("\n"))).isEqualTo(read("topology.txt"));
    }

    @Test
    void shouldContinueFromTheOldTopologysStateAsTheOldTopologyWould(@PrivateServer KafkaBroker kafka)
            throws Exception {
        // Given a broker holding what the old topology left after the first readings: topics, changelogs, offsets
        // (internal topics other than changelogs only carry records between sub-topologies, all consumed)
        List<Row> rows = read("state.tsv").stream().map(Row::parse)
                .filter(r -> !r.topic().startsWith(APPLICATION_ID + "-") || r.topic().endsWith("-changelog"))
                .toList();
        provisionPublicTopics(kafka);
        List<NewTopic> changelogs = rows.stream().map(Row::topic).filter(t -> t.endsWith("-changelog")).distinct()
                .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact")))
                .toList();
        kafka.createTopics(changelogs);
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Row r : rows) {
                var sent = producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(),
                        r.value(), r.headers())).get();
                ends.put(new TopicPartition(r.topic(), r.partition()), sent.offset() + 1);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        ends.forEach((p, end) -> {
            if (consumed(p.topic())) {
                consumed.put(p, new OffsetAndMetadata(end));
            }
        });
        kafka.admin().alterConsumerGroupOffsets(APPLICATION_ID, consumed).all().get();
        Map<String, Long> oldRevisions = revisions(rows);

        // When this commit's topology starts on it, from an empty state directory, and more readings arrive
        Path state = Files.createTempDirectory("upgrade-state");
        Properties properties = streamsProperties(kafka.bootstrapServers(), state);
        var before = outputEnds(kafka);
        try (KafkaStreams streams = start(topology(properties), properties)) {
            produce(kafka, secondInput());
            awaitSettled(kafka);
        }

        // Then every output equals the old topology's, and revisions go on from the old ones
        List<String> expected = read("expected.tsv");
        List<String> actual = latestOutputs(kafka, before);
        assertThat(withoutRevisions(actual)).isEqualTo(withoutRevisions(expected));
        assertThat(actual).hasSizeGreaterThan(5);
        for (String line : actual) {
            String key = line.substring(0, line.lastIndexOf('\t'));
            Matcher m = REVISION.matcher(line);
            if (oldRevisions.containsKey(key) && m.find()) {
                assertThat(Long.parseLong(m.group(1))).as(key).isGreaterThan(oldRevisions.get(key));
            }
        }
    }

    /** The latest revision of every key of the output topics in the old state. */
    private static Map<String, Long> revisions(List<Row> rows) {
        Map<String, Long> revisions = new HashMap<>();
        for (Row r : rows) {
            if (outputTopics().contains(r.topic()) && r.value() != null) {
                Matcher m = REVISION.matcher(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
                if (m.find()) {
                    revisions.put(r.topic() + "\t" + new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
                            Long.parseLong(m.group(1)));
                }
            }
        }
        return revisions;
    }

    private static List<String> withoutRevisions(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(REVISION.matcher(l).replaceAll("\"revision\":_")));
        return out;
    }

    private static Set<String> names(String description) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAMES.matcher(description);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    for (String n : m.group(g).split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.trim());
                        }
                    }
                }
            }
        }
        return names;
    }
}
