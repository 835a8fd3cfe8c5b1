package org.straumflyt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackOptionsTest {
    @TempDir
    Path dir;

    @Test
    void historyTakesHoursMinutesDaysOrIso8601() {
        assertThat(history("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(history("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(history("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(history("PT6H")).isEqualTo(Duration.ofHours(6));
        assertThat(LocalStackOptions.parse(new String[] {"--classpath", "cp"}).history()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aWrongValueIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> history("six hours")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--history expects a duration such as 6h");
        assertThatThrownBy(() -> history("0h")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--history must be longer than zero");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--classpath", "cp", "--buildings", "many"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--buildings expects a whole number");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--classpath", "cp", "--faults", "gremlins=1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--faults");
    }

    @Test
    void theStackExitsWithCode2AndAMessageOnAWrongOption() throws Exception {
        // ./straumflyt run passes its arguments to LocalStack as they are
        Process stack = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(), "--classpath", "cp", "--state", dir.toString(), "--history", "6 hours")
                .redirectErrorStream(true).start();

        assertThat(stack.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(stack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stack.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("--history expects a duration such as 6h").contains("usage: LocalStack")
                .doesNotContain("\tat ");
    }

    private static Duration history(String text) {
        return LocalStackOptions.parse(new String[] {"--classpath", "cp", "--history", text}).history();
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
