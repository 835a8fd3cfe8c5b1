package org.straumflyt.tools.weather;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Prints a progress line at most once per interval, so a long file shows it is moving. */
final class Progress {
    private final Clock clock;
    private final Duration interval;
    private final PrintStream err;
    private Instant lastReport;

    Progress(Clock clock, Duration interval, PrintStream err) {
        this.clock = clock;
        this.interval = interval;
        this.err = err;
        this.lastReport = clock.instant();
    }

    void tick(long lines, long acknowledged, long rejected) {
        Instant now = clock.instant();
        if (Duration.between(lastReport, now).compareTo(interval) < 0) {
            return;
        }
        lastReport = now;
        err.printf("weather-import: %d lines read, %d days confirmed, %d rejected%n", lines, acknowledged, rejected);
    }
}
