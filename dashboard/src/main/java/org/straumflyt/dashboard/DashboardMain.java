package org.straumflyt.dashboard;

import org.straumflyt.runtime.ServiceLauncher;

/** Runs the dashboard as a process; {@code --help} lists its configuration. */
public final class DashboardMain {
    private DashboardMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("dashboard", args, DashboardConfig.definition(), DashboardConfig::new,
                DashboardService::new);
    }
}
