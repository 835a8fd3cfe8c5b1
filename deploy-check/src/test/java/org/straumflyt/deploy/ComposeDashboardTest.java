package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.straumflyt.dashboard.DashboardConfig;

/**
 * deploy/compose: the dashboard preview. It has no authentication of its own, so both its ports are published on
 * loopback only, and it starts only with its profile.
 */
class ComposeDashboardTest {
    static final ServiceSettings DASHBOARD = new ServiceSettings("dashboard", DashboardConfig.DEFAULT_HTTP_PORT,
            DashboardConfig.definition(), DashboardConfig::new);
    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyStraumflytVariableIsASettingOfTheDashboard() {
        Map<String, String> environment = compose.environment("dashboard");

        assertThat(DASHBOARD.unknownVariables(environment)).isEmpty();
        assertThatCode(() -> DASHBOARD.configure(environment)).doesNotThrowAnyException();
        assertThat(environment).containsEntry("STRAUMFLYT_WEB_HOST", "0.0.0.0")
                .containsEntry("STRAUMFLYT_HTTP_HOST", "0.0.0.0");
    }

    @Test
    void pageAndOpsPortsArePublishedOnLoopbackOnlyAndTheHealthCheckAsksReadiness() {
        assertThat(compose.ports("dashboard")).containsExactlyInAnyOrder(
                "127.0.0.1:8090:" + DashboardConfig.DEFAULT_WEB_PORT,
                "127.0.0.1:8084:" + DashboardConfig.DEFAULT_HTTP_PORT);
        String test = String.join(" ", ComposeFile.iterable(compose.service("dashboard").path("healthcheck")
                .path("test").elements()).stream().map(JsonNode::asText).toList());
        assertThat(test).contains("/dev/tcp/127.0.0.1/" + DashboardConfig.DEFAULT_HTTP_PORT)
                .contains("GET /health/ready");
    }

    @Test
    void startsOnlyWithItsProfile() {
        assertThat(ComposeFile.iterable(compose.service("dashboard").path("profiles").elements()))
                .map(JsonNode::asText).containsExactly("dashboard");
    }
}
