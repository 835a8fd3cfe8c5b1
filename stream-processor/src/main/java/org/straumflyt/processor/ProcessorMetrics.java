package org.straumflyt.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.straumflyt.model.DeadLetterReason;
import org.straumflyt.model.MeterTrees;
import org.straumflyt.model.QualityFlag;
import org.straumflyt.model.ReadingKind;

/** The stream processor's own counters (Kafka Streams' metrics are bound separately). */
public final class ProcessorMetrics {
    private final Map<ReadingKind, Counter> readings = new EnumMap<>(ReadingKind.class);
    private final Map<QualityFlag, Counter> registerEvents = new EnumMap<>(QualityFlag.class);
    private final Map<DeadLetterReason, Counter> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Counter late;
    private final Counter duplicates;
    private final Counter conflicts;
    private final Counter meterHours;
    private final Counter unassigned;
    private final Map<MeterTrees.Kind, Counter> registryRejected = new EnumMap<>(MeterTrees.Kind.class);

    public ProcessorMetrics(MeterRegistry registry) {
        for (ReadingKind kind : ReadingKind.values()) {
            readings.put(kind, Counter.builder("straumflyt.processor.readings")
                    .description("Readings applied to a meter-register, by kind")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (QualityFlag type : new QualityFlag[] {QualityFlag.RESET, QualityFlag.ROLLOVER, QualityFlag.GLITCH,
                QualityFlag.SPIKE}) {
            registerEvents.put(type, Counter.builder("straumflyt.processor.register.events")
                    .description("Register resets, rollovers, glitches and spikes, each counted once")
                    .tag("type", type.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, Counter.builder("straumflyt.processor.dead.letters")
                    .description("Records set aside on the dead-letter topic, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        late = Counter.builder("straumflyt.processor.readings.late")
                .description("Readings older than the lateness horizon (also dead-lettered)").register(registry);
        duplicates = Counter.builder("straumflyt.processor.readings.duplicate")
                .description("Readings that changed nothing (exact duplicates, e.g. QoS 1 redeliveries)")
                .register(registry);
        conflicts = Counter.builder("straumflyt.processor.readings.conflict")
                .description("Readings that disagreed with another value for the same meter, register and time")
                .register(registry);
        meterHours = Counter.builder("straumflyt.processor.meter.hours.emitted")
                .description("Meter-hour records emitted (first values and revisions)").register(registry);
        unassigned = Counter.builder("straumflyt.processor.readings.unassigned")
                .description("Readings of meters the building registry does not know").register(registry);
        for (MeterTrees.Kind kind : MeterTrees.Kind.values()) {
            registryRejected.put(kind, Counter.builder("straumflyt.processor.registry.rejected")
                    .description("Registry records not applied because a meter tree is invalid, by the kind of the "
                            + "first problem (the building's previous record stays in force)")
                    .tag("reason", kind.wireName()).register(registry));
        }
    }

    public void reading(ReadingKind kind) {
        readings.get(kind).increment();
    }

    public void registerEvent(QualityFlag type) {
        Counter c = registerEvents.get(type);
        if (c != null) {
            c.increment();
        }
    }

    public void deadLetter(DeadLetterReason reason) {
        deadLetters.get(reason).increment();
    }

    /** A registry record was not applied: its meter tree has a problem of this kind. */
    public void registryRejected(MeterTrees.Kind kind) {
        registryRejected.get(kind).increment();
    }

    public void late() {
        late.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void meterHours(int count) {
        meterHours.increment(count);
    }

    public void unassigned() {
        unassigned.increment();
    }
}
