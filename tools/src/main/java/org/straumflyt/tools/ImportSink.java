package org.straumflyt.tools;

/**
 * Where an import's records go: a Kafka topic, or nowhere for a dry run.
 *
 * @param <V> the record's value
 */
public interface ImportSink<V> extends AutoCloseable {

    /**
     * Sends one record, asynchronously.
     *
     * @param lineNumber the line it came from, for error messages
     * @throws IllegalStateException when an earlier send has already failed; the import must stop
     */
    void send(long lineNumber, V value);

    /** How many records the destination has confirmed so far. */
    long acknowledged();

    /**
     * Waits until every record sent so far is confirmed.
     *
     * @throws IllegalStateException when a send failed, naming its line
     */
    void flush() throws InterruptedException;

    @Override
    void close();

    /** A sink that confirms everything and keeps nothing: validation only. */
    static <V> ImportSink<V> dryRun() {
        return new ImportSink<>() {
            private long count;

            @Override
            public void send(long lineNumber, V value) {
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
