package org.straumflyt.processor.input;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.DeadLetterSink;
import org.straumflyt.processor.ProcessorMetrics;

/**
 * The input stage: {@code readings} decoded; what is not a usable reading goes to {@code readings.dlq}.
 * <pre>
 * readings ─▶ decode ─┬─▶ bad: readings.dlq
 *                     └─▶ readings (out)
 * </pre>
 */
public final class ReadingsInput {
    private ReadingsInput() {
    }

    /** Adds the stage; returns the usable readings, keyed by meter id. */
    public static KStream<String, Reading> addTo(StreamsBuilder builder, Topics topics, ReadingRules rules,
            ProcessorMetrics metrics, Clock clock) {
        KStream<String, DecodedReading> decoded = builder
                .stream(topics.readings().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("readings-source"))
                .processValues(() -> new ReadingDecoder(rules, metrics, clock), Named.as("decode-readings"));
        KStream<String, DecodedReading> good = decoded
                .split(Named.as("decoded-"))
                .branch((k, v) -> v instanceof DecodedReading.Bad, Branched.withConsumer(bad -> DeadLetterSink.to(
                        topics.readingsDlq(), bad.mapValues(v -> ((DecodedReading.Bad) v).letter(),
                                Named.as("bad-reading-letter")), "bad-readings"), "bad"))
                .defaultBranch(Branched.as("ok"))
                .get("decoded-ok");
        return good.mapValues(v -> ((DecodedReading.Ok) v).reading(), Named.as("ok-reading"));
    }
}
