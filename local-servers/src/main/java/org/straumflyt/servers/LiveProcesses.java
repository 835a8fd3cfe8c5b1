package org.straumflyt.servers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Stops every child server still running when the test JVM exits (normally or by SIGTERM). */
final class LiveProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private LiveProcesses() {
    }

    static synchronized void add(Process process) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::stopAll, "test-servers-shutdown"));
            hookInstalled = true;
        }
        RUNNING.add(process);
    }

    static void remove(Process process) {
        RUNNING.remove(process);
    }

    private static void stopAll() {
        List<Process> processes = List.copyOf(RUNNING);
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
