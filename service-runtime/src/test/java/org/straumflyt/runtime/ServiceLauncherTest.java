package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    @Test
    void aFailureDuringStartEndsTheProcessWithExitCode1(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), FailingToStartMain.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // Nothing listens there: the service must not wait for Kafka before it gives up.
        builder.environment().put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);

            assertThat(exited).as("exited; output so far: %s", Files.readString(output)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(ServiceLauncher.EXIT_FAILED);
        } finally {
            process.destroyForcibly();
        }
    }
}
