package org.straumflyt.processor;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Topic;

/** Sends dead letters to the readings' dead-letter topic, keyed by the topic they came from. */
public final class DeadLetterSink {
    private DeadLetterSink() {
    }

    /** Adds nodes {@code <name>-key} and {@code <name>-sink}. */
    public static void to(Topic<String, DeadLetter> dlq, KStream<String, DeadLetter> letters, String name) {
        letters.map((k, letter) -> KeyValue.pair(letter.sourceTopic(), letter), Named.as(name + "-key"))
                .to(dlq.name(), Produced.with(dlq.keySerde(), dlq.valueSerde()).withName(name + "-sink"));
    }
}
