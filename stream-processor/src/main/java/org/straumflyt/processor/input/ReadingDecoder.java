package org.straumflyt.processor.input;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingRules;
import org.straumflyt.model.wire.ReadingParser;
import org.straumflyt.processor.ProcessorMetrics;
import org.straumflyt.processor.engine.MeterHourProcessor;

/**
 * Decodes the raw bytes of the readings topic. Bytes that are not a valid reading, and readings no meter can have
 * produced (those breaking the {@link ReadingRules} ingest applies too: not finite, a negative or absurd register,
 * absurd power, before the earliest plausible time, an id the store would change), become dead letters instead of
 * stopping the stream: the topic may have other producers than ingest. The key stays as it is: the readings topic
 * is keyed by meter id, which the meter stage relies on.
 */
public final class ReadingDecoder implements FixedKeyProcessor<String, byte[], DecodedReading> {
    private final ReadingRules rules;
    private final ProcessorMetrics metrics;
    private final Clock clock;
    private FixedKeyProcessorContext<String, DecodedReading> context;

    public ReadingDecoder(ReadingRules rules, ProcessorMetrics metrics, Clock clock) {
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DecodedReading> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Reading reading;
        try {
            reading = ReadingParser.parse(record.value());
        } catch (RuntimeException e) {
            bad(record, DeadLetterReason.UNPARSEABLE, e.getMessage());
            return;
        }
        // The future bound is ingest's: only it knows when a reading arrived.
        ReadingRules.Violation violation = rules.check(reading, null);
        if (violation != null) {
            bad(record, violation.reason(), violation.detail());
        } else {
            context.forward(record.withValue(new DecodedReading.Ok(reading)));
        }
    }

    private void bad(FixedKeyRecord<String, byte[]> record, DeadLetterReason reason, String detail) {
        metrics.deadLetter(reason);
        RecordMetadata origin = context.recordMetadata().orElse(null);
        DeadLetter letter = DeadLetter.fromKafka(MeterHourProcessor.COMPONENT, reason, detail,
                origin == null ? "" : origin.topic(), origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset(), record.value(), clock.instant());
        context.forward(record.withValue(new DecodedReading.Bad(letter)));
    }
}
