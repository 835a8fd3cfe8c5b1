package org.straumflyt.processor.metering;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.processor.ProcessorMetrics;

/**
 * Decodes the raw bytes of the readings topic. Bytes that are not a valid reading, and readings no meter can have
 * produced (not finite, a negative register), become dead letters instead of stopping the stream. The key stays
 * as it is: the readings topic is keyed by meter id, which the meter stage relies on.
 */
public final class ReadingDecoder implements FixedKeyProcessor<String, byte[], DecodedReading> {
    private final ProcessorMetrics metrics;
    private final Clock clock;
    private FixedKeyProcessorContext<String, DecodedReading> context;

    public ReadingDecoder(ProcessorMetrics metrics, Clock clock) {
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
        if (!Double.isFinite(reading.value())) {
            bad(record, DeadLetterReason.NOT_FINITE, "value " + reading.value() + " is not a finite number");
        } else if (reading.kind() == ReadingKind.ENERGY_REGISTER && reading.value() < 0) {
            bad(record, DeadLetterReason.NEGATIVE_REGISTER, "register value " + reading.value() + " is below 0");
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
