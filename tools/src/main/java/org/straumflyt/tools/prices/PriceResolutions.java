package org.straumflyt.tools.prices;

import java.time.Duration;

/** The market time units of the Nordic day-ahead market, as ISO-8601 durations. */
final class PriceResolutions {
    private PriceResolutions() {
    }

    /** {@code PT60M} (or {@code PT1H}) and {@code PT15M}; {@code null} for anything else. */
    static Duration parse(String text) {
        try {
            Duration d = Duration.parse(text.strip());
            return d.equals(Duration.ofMinutes(60)) || d.equals(Duration.ofMinutes(15)) ? d : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
