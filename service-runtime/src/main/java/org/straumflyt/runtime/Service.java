package org.straumflyt.runtime;

/**
 * A straumflyt service: started once, closed once. {@link #close()} must return only after in-flight work is
 * either finished or safely left for redelivery, so that nothing is lost on SIGTERM.
 */
public interface Service extends AutoCloseable {
    /** Starts the service's threads; returns when it runs. */
    void start();

    /** Stops the service and releases its resources. */
    @Override
    void close();
}
