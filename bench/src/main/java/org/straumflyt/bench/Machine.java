package org.straumflyt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, from /proc and the JVM. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKib = lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        return String.format("%d CPUs (%s), %.1f GiB RAM, Java %s (%s), %s %s", Runtime.getRuntime()
                .availableProcessors(), cpu, memKib / 1024.0 / 1024.0, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverage() {
        List<String> line = lines("/proc/loadavg");
        if (line.isEmpty()) {
            return "unknown";
        }
        String[] f = line.get(0).split(" ");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
