package org.straumflyt.tools.registry;

/**
 * The outcome of one registry import.
 *
 * @param lines        lines read
 * @param buildings    valid buildings found
 * @param meters       meters of the valid buildings
 * @param acknowledged buildings the destination confirmed
 * @param rejected     lines rejected
 * @param written      whether anything was sent (not when a line was rejected without {@code --skip-invalid})
 */
public record RegistryReport(long lines, int buildings, int meters, long acknowledged, int rejected, boolean written) {

    /** Whether every building of the input is in the registry (or, for a dry run, would be). */
    public boolean complete() {
        return rejected == 0 && acknowledged == buildings;
    }

    /** One line for the operator. */
    public String summary(boolean dryRun) {
        return String.format("%s %d lines: %d buildings with %d meters valid, %d lines rejected; %s",
                dryRun ? "checked" : "read", lines, buildings, meters, rejected,
                dryRun ? "nothing written (dry run)"
                        : written ? acknowledged + " buildings confirmed by Kafka" : "nothing written");
    }
}
