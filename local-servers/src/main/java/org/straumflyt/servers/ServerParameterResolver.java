package org.straumflyt.servers;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves parameters of one server type: the shared server, or a private one for a parameter
 * annotated with {@link PrivateServer}.
 *
 * @param <T> the server type
 */
abstract class ServerParameterResolver<T extends ServerProcess> implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ServerParameterResolver.class);

    private final Class<T> type;
    private final Supplier<T> shared;
    private final Supplier<T> fresh;

    ServerParameterResolver(Class<T> type, Supplier<T> shared, Supplier<T> fresh) {
        this.type = type;
        this.shared = shared;
        this.fresh = fresh;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public T resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.isAnnotated(PrivateServer.class)) {
            T server = fresh.get();
            context.getStore(NAMESPACE).put(new Object(), server);
            return server;
        }
        context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServersShutdown.class, key -> new SharedServersShutdown(),
                        SharedServersShutdown.class);
        return shared.get();
    }

    /** Stored in the root context: JUnit closes it, and so the shared servers, when the test run ends. */
    private static final class SharedServersShutdown implements AutoCloseable {
        @Override
        public void close() {
            TestServers.stopAll();
        }
    }
}
