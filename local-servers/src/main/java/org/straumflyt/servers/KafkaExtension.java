package org.straumflyt.servers;

/**
 * Resolves {@link KafkaBroker} parameters of test constructors, test methods and lifecycle methods:
 * the Kafka broker shared by the test JVM ({@link TestServers#kafka()}), or a private one for a
 * parameter annotated with {@link PrivateServer}. Use with {@code @ExtendWith(KafkaExtension.class)}.
 */
public final class KafkaExtension extends ServerParameterResolver<KafkaBroker> {

    /** Creates the extension; JUnit calls this. */
    public KafkaExtension() {
        super(KafkaBroker.class, TestServers::kafka, KafkaBroker::startNew);
    }
}
