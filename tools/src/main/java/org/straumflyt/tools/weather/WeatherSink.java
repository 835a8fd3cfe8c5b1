package org.straumflyt.tools.weather;

import org.straumflyt.model.WeatherDaily;

/** Where imported days go: Kafka, or nowhere for a dry run. */
public interface WeatherSink extends AutoCloseable {

    /**
     * Sends one day, asynchronously.
     *
     * @param lineNumber the line it came from, for error messages
     * @throws IllegalStateException when an earlier send has already failed; the import must stop
     */
    void send(long lineNumber, WeatherDaily day);

    /** How many days the destination has confirmed so far. */
    long acknowledged();

    /**
     * Waits until every day sent so far is confirmed.
     *
     * @throws IllegalStateException when a send failed, naming its line
     */
    void flush() throws InterruptedException;

    @Override
    void close();

    /** A sink that confirms everything and keeps nothing: validation only. */
    static WeatherSink dryRun() {
        return new WeatherSink() {
            private long count;

            @Override
            public void send(long lineNumber, WeatherDaily day) {
                count++;
            }

            @Override
            public long acknowledged() {
                return count;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
