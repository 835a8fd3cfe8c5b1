package org.straumflyt.tools;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command runs with, passed in so tests control it.
 *
 * @param environment the process environment (for {@code STRAUMFLYT_*} variables)
 * @param out         the command's report
 * @param err         progress, warnings and errors
 * @param clock       the time source
 */
public record ToolContext(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
    /** The real process's context. */
    public static ToolContext system() {
        return new ToolContext(System.getenv(), System.out, System.err, Clock.systemUTC());
    }
}
