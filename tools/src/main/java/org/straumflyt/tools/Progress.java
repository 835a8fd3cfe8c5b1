package org.straumflyt.tools;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints a progress line of an import at most once per interval, so a long file shows it is moving, e.g.
 * {@code weather-import: 4 lines read, 3 days confirmed, 0 rejected}.
 */
public final class Progress {
    private final Clock clock;
    private final Duration interval;
    private final PrintStream err;
    private final String command;
    private final String items;
    private Instant lastReport;

    /**
     * @param command the command's name, which starts each line
     * @param items   what is confirmed, in the plural (e.g. {@code days})
     */
    public Progress(Clock clock, Duration interval, PrintStream err, String command, String items) {
        this.clock = clock;
        this.interval = interval;
        this.err = err;
        this.command = command;
        this.items = items;
        this.lastReport = clock.instant();
    }

    public void tick(long lines, long acknowledged, long rejected) {
        Instant now = clock.instant();
        if (Duration.between(lastReport, now).compareTo(interval) < 0) {
            return;
        }
        lastReport = now;
        err.printf("%s: %d lines read, %d %s confirmed, %d rejected%n", command, lines, acknowledged, items, rejected);
    }
}
