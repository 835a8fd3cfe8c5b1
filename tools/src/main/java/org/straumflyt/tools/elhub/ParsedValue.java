package org.straumflyt.tools.elhub;

import java.time.Instant;

/** What one line of an Elhub metering-values file holds. */
public sealed interface ParsedValue
        permits ParsedValue.Value, ParsedValue.Missing, ParsedValue.Rejected, ParsedValue.Skipped {

    /** The 1-based line number in the file. */
    long lineNumber();

    /** Energy over {@code [start, end)} in kWh, with what the status column said about it. */
    record Value(long lineNumber, Instant start, Instant end, double kwh, ValueStatus status) implements ParsedValue {
    }

    /** An interval whose value cell is empty (or {@code -}): no measurement, a gap, not an error. */
    record Missing(long lineNumber, Instant start, Instant end) implements ParsedValue {
    }

    /** A line that is not a valid value; {@code reason} names the bad field. */
    record Rejected(long lineNumber, String reason) implements ParsedValue {
        /** The reason with the line number, as reported to the operator. */
        public String message() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    /** The header, a blank line or a {@code #} comment. */
    record Skipped(long lineNumber) implements ParsedValue {
    }
}
