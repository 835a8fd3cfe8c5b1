package org.straumflyt.tools;

import java.time.Duration;
import org.straumflyt.runtime.cli.CommandLines;
import picocli.CommandLine.Option;

/** What every import command shares besides Kafka (a picocli mixin): how long to wait for Kafka, how often to report. */
public final class ImportTiming {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1M",
            description = "how long to wait for Kafka to answer (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--progress", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "interval of progress lines on stderr (default: ${DEFAULT-VALUE})")
    Duration progress;

    /**
     * How long to wait for Kafka.
     *
     * @throws org.straumflyt.runtime.cli.UsageException when it is not positive
     */
    public Duration timeout() {
        CommandLines.positive("--timeout", timeout);
        return timeout;
    }

    /**
     * The interval of progress lines.
     *
     * @throws org.straumflyt.runtime.cli.UsageException when it is not positive
     */
    public Duration progress() {
        CommandLines.positive("--progress", progress);
        return progress;
    }
}
