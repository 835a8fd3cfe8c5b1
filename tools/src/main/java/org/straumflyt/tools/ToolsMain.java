package org.straumflyt.tools;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.tools.opendata.OpenDataExportCommand;
import org.straumflyt.tools.registry.RegistryImportCommand;
import org.straumflyt.tools.weather.WeatherImportCommand;

/**
 * The operator's command line: {@code straumflyt-tools <command> [options]}. Exit codes: 0 done, 1 done in part or
 * failed (see the messages on stderr), 2 unusable command line.
 */
public final class ToolsMain {
    private static final Logger LOG = LoggerFactory.getLogger(ToolsMain.class);
    private static final Set<String> HELP = Set.of("--help", "-h", "help");
    /** After a command, only the option forms ask for help: "help" may be an option's value. */
    private static final Set<String> COMMAND_HELP = Set.of("--help", "-h");
    static final String PROGRAM = "straumflyt-tools";

    private ToolsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, ToolContext.system()));
    }

    /** The commands, in the order the usage lists them. */
    static List<ToolCommand> commands() {
        return List.of(new WeatherImportCommand(), new RegistryImportCommand(), new OpenDataExportCommand());
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, ToolContext context) {
        if (args.length == 0) {
            context.err().println(usage());
            return ToolCommand.USAGE;
        }
        if (HELP.contains(args[0])) {
            context.out().println(usage());
            return ToolCommand.OK;
        }
        Optional<ToolCommand> found = commands().stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (found.isEmpty()) {
            context.err().println(PROGRAM + ": unknown command '" + args[0] + "'\n\n" + usage());
            return ToolCommand.USAGE;
        }
        ToolCommand command = found.get();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.stream().anyMatch(COMMAND_HELP::contains)) {
            context.out().println(usage(command));
            return ToolCommand.OK;
        }
        try {
            return command.run(Options.parse(rest, command.options()), context);
        } catch (UsageException e) {
            context.err().println(PROGRAM + " " + command.name() + ": " + e.getMessage()
                    + "\n(run '" + PROGRAM + " " + command.name() + " --help' for its options)");
            return ToolCommand.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println(PROGRAM + " " + command.name() + ": interrupted");
            return ToolCommand.FAILED;
        } catch (Exception e) {
            LOG.debug("{} failed", command.name(), e);
            context.err().println(PROGRAM + " " + command.name() + ": " + describe(e));
            return ToolCommand.FAILED;
        }
    }

    /** The usage of every command. */
    static String usage() {
        StringBuilder text = new StringBuilder("usage: " + PROGRAM + " <command> [options]\n\ncommands:\n");
        for (ToolCommand c : commands()) {
            text.append(String.format("  %-20s %s%n", c.name(), c.summary()));
        }
        for (ToolCommand c : commands()) {
            text.append('\n').append(options(c));
        }
        text.append("\nexit codes: 0 done, 1 done in part or failed, 2 unusable command line");
        return text.toString();
    }

    static String usage(ToolCommand command) {
        return "usage: " + PROGRAM + " " + command.name() + " [options]\n" + command.summary() + "\n\n"
                + options(command);
    }

    private static String options(ToolCommand command) {
        StringBuilder text = new StringBuilder(command.name() + " options:\n");
        command.options().forEach(o -> text.append(o.usageLine()).append('\n'));
        return text.toString();
    }

    /** The exception's message, with its root cause's when that says more (Kafka wraps the reason). */
    private static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message;
    }
}
