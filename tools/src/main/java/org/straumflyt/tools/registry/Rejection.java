package org.straumflyt.tools.registry;

/**
 * A line of the input that is not imported, and why.
 *
 * @param line   its 1-based number in the file (for JSON, the line where the record starts)
 * @param reason what is wrong, naming the column or field and the bad value
 */
public record Rejection(long line, String reason) {
    /** The reason with the line number, as reported to the operator. */
    public String message() {
        return "line " + line + ": " + reason;
    }
}
