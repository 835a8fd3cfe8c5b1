package org.straumflyt.servers;

/**
 * Resolves {@link QuestDbServer} parameters of test constructors, test methods and lifecycle methods:
 * the QuestDB server shared by the test JVM ({@link TestServers#questDb()}), or a private one for a
 * parameter annotated with {@link PrivateServer}. Use with {@code @ExtendWith(QuestDbExtension.class)}.
 */
public final class QuestDbExtension extends ServerParameterResolver<QuestDbServer> {

    /** Creates the extension; JUnit calls this. */
    public QuestDbExtension() {
        super(QuestDbServer.class, TestServers::questDb, QuestDbServer::startNew);
    }
}
