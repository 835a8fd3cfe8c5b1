package org.straumflyt.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.straumflyt.model.wire.Json;

/**
 * The AsyncAPI document in the model jar ({@code /asyncapi.yaml}) describes exactly the topics of {@link Topics}, with
 * the schemas the topics name, and examples that the schemas and the model's codec both accept.
 */
class AsyncApiDocumentTest {
    private static final String DOCUMENT = "/asyncapi.yaml";
    private static final String PREFIX = "{prefix}";
    private static JsonNode asyncApi;
    private static Map<String, JsonNode> channelsByTopic;

    @BeforeAll
    static void readTheDocumentFromTheClasspath() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        channelsByTopic = new HashMap<>();
        asyncApi.get("channels").forEach(channel -> channelsByTopic.put(
                channel.get("address").asText().replace(PREFIX, Topics.DEFAULT_PREFIX), channel));
    }

    static Stream<Topic<?, ?>> topics() {
        return Topics.defaults().all().stream();
    }

    @Test
    void isAnAsyncApi3DocumentWithTheConfigurablePrefix() {
        assertThat(asyncApi.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.at("/components/parameters/prefix/default").asText()).isEqualTo(Topics.DEFAULT_PREFIX);
        assertThat(channelsByTopic.keySet()).containsExactlyInAnyOrderElementsOf(
                topics().map(Topic::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyTopicHasAChannelWhoseMessageIsTheTopicsSchema(Topic<?, ?> topic) throws IOException {
        JsonNode channel = channelsByTopic.get(topic.name());
        assertThat(channel).as("channel of %s", topic.name()).isNotNull();

        for (JsonNode message : messages(channel)) {
            String schema = message.at("/payload/schema/$ref").asText();
            assertThat("/" + schema).as("schema of %s", topic.name()).isEqualTo(topic.schema());
            assertThat(message.at("/bindings/kafka/key")).as("key of %s", topic.name()).isNotNull();
            assertThat(message.get("examples")).as("examples of %s", topic.name()).isNotEmpty();
        }
        assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy").get(0).asText())
                .isEqualTo(topic.compacted() ? "compact" : "delete");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    <V> void theExamplesPassTheSchemaAndTheModelsCodec(Topic<?, V> topic) throws IOException {
        for (JsonNode message : messages(channelsByTopic.get(topic.name()))) {
            var schema = schema(topic.schema());
            for (JsonNode example : message.get("examples")) {
                JsonNode payload = example.get("payload");
                byte[] bytes = Json.mapper().writeValueAsBytes(payload);

                assertThat(schema.validate(payload)).as("%s example against %s", topic.name(), topic.schema())
                        .isEmpty();
                V value = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
                assertThat(Json.mapper().readTree(topic.valueSerde().serializer().serialize(topic.name(), value)))
                        .as("%s example written back by the codec", topic.name()).isEqualTo(payload);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    <K> void theKeyExamplesAreKeysOfTheTopic(Topic<K, ?> topic) throws IOException {
        for (JsonNode message : messages(channelsByTopic.get(topic.name()))) {
            JsonNode key = resolve(message.at("/bindings/kafka/key"));
            assertThat(key.get("examples")).as("key examples of %s", topic.name()).isNotEmpty();
            for (JsonNode example : key.get("examples")) {
                byte[] bytes = example.isTextual() ? example.asText().getBytes(StandardCharsets.UTF_8)
                        : Json.mapper().writeValueAsBytes(example);

                K read = topic.keySerde().deserializer().deserialize(topic.name(), bytes);

                assertThat(topic.keySerde().serializer().serialize(topic.name(), read))
                        .as("%s key %s", topic.name(), example).isEqualTo(bytes);
                assertThat(key.get("type").asText()).isEqualTo(example.isTextual() ? "string" : "object");
            }
        }
    }

    @Test
    void everySchemaFileIsJsonWithAnIdATitleAndItsDraft() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/main/resources/schemas"))) {
            files = listed.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            JsonNode schema = Json.mapper().readTree(file.toFile());
            String name = file.getFileName().toString();

            assertThat(name).endsWith(".schema.json");
            assertThat(schema.path("$id").asText()).as("$id of %s", name).endsWith("/schemas/" + name);
            assertThat(schema.path("title").asText()).as("title of %s", name).isNotBlank();
            assertThat(schema.path("$schema").asText()).as("$schema of %s", name)
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
        assertThat(topics().map(Topic::schema)).allSatisfy(schema ->
                assertThat(files).extracting(f -> "/schemas/" + f.getFileName()).contains(schema));
    }

    private static List<JsonNode> messages(JsonNode channel) {
        List<JsonNode> messages = new ArrayList<>();
        channel.get("messages").forEach(ref -> messages.add(resolve(ref)));
        return messages;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}). */
    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = asyncApi.at(ref.asText().substring(1));
        assertThat(target.isMissingNode()).as("%s resolves", ref.asText()).isFalse();
        return resolve(target);
    }

    private static com.networknt.schema.JsonSchema schema(String resource) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
