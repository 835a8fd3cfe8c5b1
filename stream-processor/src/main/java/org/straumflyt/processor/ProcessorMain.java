package org.straumflyt.processor;

import org.straumflyt.runtime.ServiceLauncher;

/** Entry point of the stream-processor container. */
public final class ProcessorMain {
    private ProcessorMain() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run("stream-processor", args, ProcessorConfig.definition(), ProcessorConfig::new,
                ProcessorService::new);
    }
}
