package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void startFailsWithExitCodeAndLogTailWhenTheServerDies() {
        try (ShellServer server = new ShellServer("echo 'bind failed: address in use'; exit 3", Duration.ofSeconds(10))) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code 3 during startup")
                    .hasMessageContaining("bind failed: address in use")
                    .hasMessageContaining(server.logFile().toString());
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void startTimesOutWithLogTailAndKillsTheServer() {
        try (ShellServer server = new ShellServer("echo 'still warming up'; exec sleep 60", Duration.ofMillis(700))) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("timed out after PT0.7S waiting for shell")
                    .hasMessageContaining("still warming up");
            assertThat(server.isRunning()).isFalse();
        }
    }

    /** A fake server: a shell script that never becomes ready. */
    private static final class ShellServer extends ServerProcess {
        private final String script;
        private final Duration startTimeout;

        ShellServer(String script, Duration startTimeout) {
            super("shell", Ports.freePort());
            this.script = script;
            this.startTimeout = startTimeout;
        }

        @Override
        protected void prepare(boolean firstStart) {
        }

        @Override
        protected List<String> command() {
            return List.of("/bin/sh", "-c", script);
        }

        @Override
        protected boolean probeReady() {
            return false;
        }

        @Override
        protected Duration startTimeout() {
            return startTimeout;
        }
    }
}
