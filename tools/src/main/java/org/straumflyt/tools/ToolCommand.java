package org.straumflyt.tools;

import java.util.List;

/** One subcommand of {@link ToolsMain}. */
public interface ToolCommand {
    /** Exit code of a successful run. */
    int OK = 0;
    /** Exit code when the run did its work only in part (e.g. some input lines were rejected) or failed. */
    int FAILED = 1;
    /** Exit code of a command line that cannot be run. */
    int USAGE = 2;

    /** The subcommand's name on the command line. */
    String name();

    /** One line saying what it does. */
    String summary();

    /** Its options, for parsing and the usage text. */
    List<OptionSpec> options();

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws UsageException when an option value is unusable
     */
    int run(Options options, ToolContext context) throws Exception;
}
