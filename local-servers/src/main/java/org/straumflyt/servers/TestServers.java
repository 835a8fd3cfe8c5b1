package org.straumflyt.servers;

import java.util.function.Supplier;

/**
 * The servers shared by all tests of one test JVM, started lazily on first use and stopped at
 * the end of the JUnit run (by the extensions) or when the JVM exits.
 *
 * <p>Tests must not stop, kill or restart a shared server; they get a private one from
 * {@code KafkaBroker.startNew()}, {@code MosquittoBroker.startNew()} or {@code QuestDbServer.startNew()}
 * (or a {@link PrivateServer} parameter) for that. Should a shared server have died anyway, the
 * accessor starts it again on the same port with the same data.
 */
public final class TestServers {

    private static KafkaBroker kafka;
    private static MosquittoBroker mosquitto;
    private static QuestDbServer questDb;

    private TestServers() {
    }

    /**
     * The shared Kafka broker, started if needed.
     *
     * @return the running shared broker
     */
    public static synchronized KafkaBroker kafka() {
        kafka = running(kafka, KafkaBroker::startNew);
        return kafka;
    }

    /**
     * The shared anonymous plain-TCP Mosquitto broker, started if needed.
     *
     * @return the running shared broker
     */
    public static synchronized MosquittoBroker mosquitto() {
        mosquitto = running(mosquitto, MosquittoBroker::startNew);
        return mosquitto;
    }

    /**
     * The shared QuestDB server, started if needed.
     *
     * @return the running shared server
     */
    public static synchronized QuestDbServer questDb() {
        questDb = running(questDb, QuestDbServer::startNew);
        return questDb;
    }

    /** Stops all shared servers; a later accessor call starts a new one. */
    static synchronized void stopAll() {
        RuntimeException failure = null;
        for (ServerProcess server : new ServerProcess[] {kafka, mosquitto, questDb}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        kafka = null;
        mosquitto = null;
        questDb = null;
        if (failure != null) {
            throw failure;
        }
    }

    private static <T extends ServerProcess> T running(T current, Supplier<T> factory) {
        if (current == null) {
            return factory.get();
        }
        current.start();
        return current;
    }
}
