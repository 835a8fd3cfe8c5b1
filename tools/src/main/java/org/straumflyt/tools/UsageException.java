package org.straumflyt.tools;

/** A command line that cannot be run as given: unknown option, missing or malformed value. Exit code 2. */
public final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
