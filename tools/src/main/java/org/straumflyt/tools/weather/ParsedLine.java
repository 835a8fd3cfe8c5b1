package org.straumflyt.tools.weather;

import org.straumflyt.model.WeatherDaily;

/** What one line of a weather CSV holds. */
public sealed interface ParsedLine permits ParsedLine.Day, ParsedLine.Rejected, ParsedLine.Skipped {

    /** The 1-based line number in the file. */
    long lineNumber();

    /** A valid day. */
    record Day(long lineNumber, WeatherDaily day) implements ParsedLine {
    }

    /** A line that is not a valid day; {@code reason} names the bad value. */
    record Rejected(long lineNumber, String reason) implements ParsedLine {
        /** The reason with the line number, as reported to the operator. */
        public String message() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    /** The header, a blank line or a {@code #} comment. */
    record Skipped(long lineNumber) implements ParsedLine {
    }
}
