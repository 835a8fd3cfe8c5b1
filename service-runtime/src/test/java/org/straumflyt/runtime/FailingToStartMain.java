package org.straumflyt.runtime;

import java.util.Map;

/**
 * A service whose start fails with an {@link Error}, as a class missing from a jar's classpath does; run as a child
 * JVM by {@link ServiceLauncherTest}.
 */
public final class FailingToStartMain {
    private FailingToStartMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("failing-service", args, ServiceConfig.base(0), TestConfig::new, (config, context) ->
                new Service() {
                    @Override
                    public void start() {
                        throw new NoClassDefFoundError("org/HdrHistogram/DoubleRecorder");
                    }

                    @Override
                    public void close() {
                    }
                });
    }

    static final class TestConfig extends ServiceConfig {
        TestConfig(Map<String, String> values) {
            super(ServiceConfig.base(0), values);
        }
    }
}
