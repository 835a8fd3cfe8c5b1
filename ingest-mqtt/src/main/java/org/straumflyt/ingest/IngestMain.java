package org.straumflyt.ingest;

import org.straumflyt.runtime.ServiceLauncher;

/** Runs ingest-mqtt as a process; {@code --help} lists every setting. */
public final class IngestMain {
    public static final String NAME = "ingest-mqtt";

    private IngestMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(NAME, args, IngestConfig.definition(), IngestConfig::new, IngestService::new);
    }
}
