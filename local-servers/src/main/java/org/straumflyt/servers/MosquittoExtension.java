package org.straumflyt.servers;

/**
 * Resolves {@link MosquittoBroker} parameters of test constructors, test methods and lifecycle methods:
 * the Mosquitto broker shared by the test JVM ({@link TestServers#mosquitto()}), or a private one for a
 * parameter annotated with {@link PrivateServer}. Use with {@code @ExtendWith(MosquittoExtension.class)}.
 */
public final class MosquittoExtension extends ServerParameterResolver<MosquittoBroker> {

    /** Creates the extension; JUnit calls this. */
    public MosquittoExtension() {
        super(MosquittoBroker.class, TestServers::mosquitto, MosquittoBroker::startNew);
    }
}
