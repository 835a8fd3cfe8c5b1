package org.straumflyt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {
    @TempDir
    Path logs;

    @Test
    void servicesOfTheLocalStackServeHealthAndMetricsOnLoopbackOnly() throws Exception {
        // A stand-in service that prints the address it was told to bind /health and /metrics to
        try (ServiceProcess service = ServiceProcess.start("echo", PrintOpsAddress.class.getName(),
                System.getProperty("java.class.path"), 18_099, Map.of(), logs)) {
            Path log = service.log();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && !(Files.exists(log) && Files.readString(log).contains("bind"))) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).contains("bind 127.0.0.1:18099");
        }
    }

    /** Prints STRAUMFLYT_HTTP_HOST and STRAUMFLYT_HTTP_PORT as a service reads them. */
    public static final class PrintOpsAddress {
        public static void main(String[] args) {
            System.out.println("bind " + System.getenv("STRAUMFLYT_HTTP_HOST") + ":" + System.getenv("STRAUMFLYT_HTTP_PORT"));
        }
    }
}
