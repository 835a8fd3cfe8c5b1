package org.straumflyt.publisher;

import org.straumflyt.runtime.ServiceLauncher;

/** Runs the KPI publisher as a process; {@code --help} lists its configuration. */
public final class PublisherMain {
    private PublisherMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("kpi-publisher", args, PublisherConfig.definition(), PublisherConfig::new,
                PublisherService::new);
    }
}
