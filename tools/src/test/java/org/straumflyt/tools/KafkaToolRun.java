package org.straumflyt.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.straumflyt.servers.KafkaBroker;

/** Runs the tools' command line against a real broker, as an operator's environment would configure it. */
public final class KafkaToolRun {
    private KafkaToolRun() {
    }

    /**
     * Runs {@code args} with {@code kafka} and the topic {@code prefix} from the environment, printing to {@code out}
     * and {@code err}; the exit code.
     */
    public static int run(KafkaBroker kafka, String prefix, ByteArrayOutputStream out, ByteArrayOutputStream err,
            String... args) {
        ToolContext context = new ToolContext(Map.of("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "STRAUMFLYT_TOPIC_PREFIX", prefix), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return ToolsMain.run(args, context);
    }
}
