package org.straumflyt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process has used so far, read from Linux's /proc: CPU seconds (user + system, all threads) and the peak
 * resident set size ({@code VmHWM}).
 *
 * @param cpuSeconds  user + system CPU time since the process started, s
 * @param peakRssMib  highest resident set size so far, MiB
 */
record ProcessUsage(double cpuSeconds, long peakRssMib) {
    /** Clock ticks per second of /proc/<pid>/stat's times; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    static ProcessUsage of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            long peakKib = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessUsage(ticks / TICKS_PER_SECOND, peakKib / 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc of process " + pid, e);
        }
    }

    /** CPU used between {@code earlier} and this reading; the peak as of this reading. */
    ProcessUsage since(ProcessUsage earlier) {
        return new ProcessUsage(cpuSeconds - earlier.cpuSeconds, peakRssMib);
    }
}
