package org.straumflyt.processor.assignment;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Building;
import org.straumflyt.model.MeterTrees;
import org.straumflyt.processor.ProcessorMetrics;

/**
 * Reads registry records for the stream processor, refusing a building whose meter trees are invalid
 * ({@link MeterTrees#problems}): it logs the reasons, counts the rejection, and throws, so that the deserialization
 * handler (log and continue) skips the record and the registry table keeps the building's previous valid entry. A tree
 * is never applied in part.
 */
final class ValidTreeDeserializer implements Deserializer<Building> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidTreeDeserializer.class);
    private final Deserializer<Building> plain;
    private final ProcessorMetrics metrics;

    ValidTreeDeserializer(Deserializer<Building> plain, ProcessorMetrics metrics) {
        this.plain = plain;
        this.metrics = metrics;
    }

    /** The serde: this deserializer, and the plain serializer. */
    static Serde<Building> serde(Serde<Building> plain, ProcessorMetrics metrics) {
        return Serdes.serdeFrom(plain.serializer(), new ValidTreeDeserializer(plain.deserializer(), metrics));
    }

    @Override
    public Building deserialize(String topic, byte[] data) {
        Building building = plain.deserialize(topic, data);
        if (building == null) {
            return null;
        }
        List<MeterTrees.Problem> problems = MeterTrees.problems(building);
        if (problems.isEmpty()) {
            return building;
        }
        metrics.registryRejected(problems.get(0).kind());
        String reasons = problems.stream().map(p -> p.message() + " [" + p.kind() + "]")
                .collect(Collectors.joining("; "));
        LOG.warn("Registry record of building {} not applied, its meter tree is invalid (the previous record stays in "
                + "force): {}", building.buildingId(), reasons);
        throw new SerializationException("invalid meter tree of building " + building.buildingId() + ": " + reasons);
    }
}
