package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {

    @Test
    void aFailureDuringStartEndsTheProcessWithExitCode1() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), FailingToStartMain.class.getName())
                .redirectErrorStream(true);
        // Nothing listens there: the service must not wait for Kafka before it gives up.
        builder.environment().put("STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(exited).as("exited; output so far: %s", output).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(ServiceLauncher.EXIT_FAILED);
        } finally {
            process.destroyForcibly();
        }
    }
}
