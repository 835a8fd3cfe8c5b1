package org.straumflyt.runtime.cli;

/**
 * A command line that cannot be run as given: unknown option, missing or malformed value. Exit code
 * {@value CommandLines#USAGE}. The message names the option and what it expects, e.g. {@code --timeout expects an
 * ISO-8601 duration such as PT2M, got 'soon'}.
 */
public class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
