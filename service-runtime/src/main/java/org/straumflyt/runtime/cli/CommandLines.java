package org.straumflyt.runtime.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli with straumflyt's conventions, the same for every program:
 * <ul>
 *   <li>a command with subcommands gets picocli's {@code help} command, and its {@code --help} ends with the usage
 *       of every subcommand;</li>
 *   <li>every command and subcommand answers {@code -h}/{@code --help} (exit code {@value #OK}), and shows options as
 *       {@code --name VALUE} (both {@code --name VALUE} and {@code --name=VALUE} are accepted);</li>
 *   <li>a usage error (unknown option, missing or malformed value, or a {@link UsageException} thrown while the
 *       command runs) prints one sentence naming the option, then the command's usage, and exits with
 *       {@value #USAGE};</li>
 *   <li>any other failure prints its message (with its root cause's) and exits with {@value #FAILED};</li>
 *   <li>numbers and ISO-8601 durations are converted with messages that say what was expected, e.g.
 *       {@code --buildings expects a whole number, got 'many'}.</li>
 * </ul>
 * Defaults are part of each option's description ({@code (default: ${DEFAULT-VALUE})}), so that an option whose
 * default comes from the environment can say so.
 */
public final class CommandLines {
    /** The command did its work. */
    public static final int OK = 0;
    /** The command did its work only in part, or failed (the reason is on stderr). */
    public static final int FAILED = 1;
    /** The command line cannot be run. */
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CommandLines.class);

    private CommandLines() {
    }

    /**
     * The command line of {@code command} (an object with picocli annotations) and its subcommands (objects with a
     * {@code @Command(name = ...)}), configured with straumflyt's conventions.
     */
    public static CommandLine of(Object command, Object... subcommands) {
        CommandLine line = new CommandLine(command);
        for (Object subcommand : subcommands) {
            line.addSubcommand(subcommand);
        }
        if (subcommands.length > 0 && !line.getSubcommands().containsKey("help")) {
            line.addSubcommand("help", new CommandLine.HelpCommand());
        }
        configure(line);
        line.setColorScheme(Help.defaultColorScheme(Ansi.OFF));
        line.setHelpFactory(SpacedLabels::new);
        if (subcommands.length > 0) {
            line.getCommandSpec().usageMessage().footer(everyCommandsUsage(line));
        }
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            usageError(failed, describe(e));
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (e instanceof UsageException) {
                usageError(failed, e.getMessage());
                return USAGE;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": interrupted");
                return FAILED;
            }
            LOG.debug("{} failed", failed.getCommandSpec().qualifiedName(), e);
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + describe(e));
            return FAILED;
        });
        return line;
    }

    /** Sends the command's output and messages to these streams instead of stdout and stderr (tests). */
    public static CommandLine withStreams(CommandLine line, java.io.PrintStream out, java.io.PrintStream err) {
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line;
    }

    /**
     * Fills {@code command}'s options from {@code args}, for a caller that does not run it through picocli (a test,
     * or a program that parses first and then runs).
     *
     * @throws UsageException naming the first unusable argument
     */
    public static <T> T parse(T command, String... args) {
        try {
            of(command).parseArgs(args);
            return command;
        } catch (ParameterException e) {
            throw new UsageException(describe(e), e);
        }
    }

    /**
     * For a {@code main} method that parses first and then runs: fills {@code command}'s options from {@code args};
     * prints the usage and exits with {@value #OK} when {@code --help} is asked, prints the usage error and exits
     * with {@value #USAGE} when the command line cannot be run.
     */
    public static <T> T parseOrExit(T command, String... args) {
        CommandLine line = of(command);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            usageError(e.getCommandLine(), describe(e));
            System.exit(USAGE);
        }
        if (line.isUsageHelpRequested()) {
            line.usage(line.getOut());
            System.exit(OK);
        }
        return command;
    }

    /** A usage error in straumflyt's words: {@code unknown option --fil}, {@code --file PATH is required}, ... */
    public static String describe(ParameterException e) {
        // An unknown argument first: picocli reports a missing required option before it, but "--fil" is more
        // likely the required "--file" misspelt than left out.
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String argument = unmatched.get(0);
            if (argument.startsWith("-")) {
                int eq = argument.indexOf('=');
                return "unknown option " + (eq > 0 ? argument.substring(0, eq) : argument);
            }
            boolean hasSubcommands = !e.getCommandLine().getSubcommands().isEmpty();
            return hasSubcommands ? "unknown command '" + argument + "'" : "unexpected argument '" + argument + "'";
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Missing required option") || message.startsWith("Missing required options")) {
                return missing.getMissing().stream().map(CommandLines::label).collect(Collectors.joining(", "))
                        + (missing.getMissing().size() == 1 ? " is" : " are") + " required";
            }
            if (e.getArgSpec() != null) {
                return label(e.getArgSpec()) + " needs a value";
            }
        }
        if (String.valueOf(e.getMessage()).startsWith("Missing required subcommand")) {
            return "a command is required";
        }
        ArgSpec option = e.getArgSpec();
        Throwable cause = e.getCause();
        if (option != null && cause instanceof TypeConversionException) {
            return name(option) + " " + cause.getMessage();
        }
        if (option != null && cause != null && cause.getMessage() != null) {
            String reason = cause.getMessage();
            return reason.startsWith(name(option)) ? reason : name(option) + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }

    /** The exception's message, with its root cause's when that says more (Kafka wraps the reason). */
    public static String describe(Exception e) {
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

    /** A whole number, e.g. for {@code --buildings}. */
    public static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expects a whole number, got '" + text + "'");
        }
    }

    /** An ISO-8601 duration such as {@code PT2M}. */
    public static Duration isoDuration(String text) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expects an ISO-8601 duration such as PT2M, got '" + text + "'");
        }
    }

    /**
     * Checks that a duration option is longer than zero.
     *
     * @throws UsageException naming the option when it is not
     */
    public static Duration positive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new UsageException(option + " must be positive, got " + value);
        }
        return value;
    }

    /** The top's help ends with every subcommand's usage, so that one {@code --help} shows every option. */
    private static String[] everyCommandsUsage(CommandLine line) {
        List<String> footer = new java.util.ArrayList<>();
        line.getSubcommands().values().stream().distinct().forEach(command -> {
            if (!(command.getCommand() instanceof CommandLine.HelpCommand)) {
                footer.add("");
                footer.add(command.getUsageMessage().stripTrailing().replace("%", "%%"));
            }
        });
        footer.add("");
        footer.add("exit codes: " + OK + " done, " + FAILED + " done in part or failed, " + USAGE
                + " unusable command line");
        return footer.toArray(String[]::new);
    }

    private static void configure(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (!spec.optionsMap().containsKey("--help")) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help and exit").build());
        }
        spec.usageMessage().synopsisHeading("usage: ").commandListHeading("%ncommands:%n")
                .optionListHeading("%noptions:%n").sortOptions(false).sortSynopsis(false).abbreviateSynopsis(false)
                .longOptionsMaxWidth(24);
        line.registerConverter(Integer.class, text -> Math.toIntExact(wholeNumber(text)));
        line.registerConverter(Integer.TYPE, text -> Math.toIntExact(wholeNumber(text)));
        line.registerConverter(Long.class, CommandLines::wholeNumber);
        line.registerConverter(Long.TYPE, CommandLines::wholeNumber);
        line.registerConverter(Double.class, CommandLines::number);
        line.registerConverter(Double.TYPE, CommandLines::number);
        line.registerConverter(Duration.class, CommandLines::isoDuration);
        line.getSubcommands().values().forEach(CommandLines::configure);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expects a number, got '" + text + "'");
        }
    }

    private static void usageError(CommandLine failed, String message) {
        PrintWriter err = failed.getErr();
        err.println(failed.getCommandSpec().qualifiedName() + ": " + message);
        err.println();
        failed.usage(err);
    }

    /** {@code --file PATH}, or {@code --dry-run} for a flag. */
    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName() + (option.arity().max() == 0 ? "" : " " + option.paramLabel());
        }
        return arg.paramLabel();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** The usage shows {@code --file PATH} rather than picocli's {@code --file=PATH}; both are accepted. */
    private static final class SpacedLabels extends Help {
        SpacedLabels(CommandSpec spec, ColorScheme colors) {
            super(spec, colors);
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            IParamLabelRenderer picocli = super.parameterLabelRenderer();
            return new IParamLabelRenderer() {
                @Override
                public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                    Ansi.Text label = picocli.renderParameterLabel(arg, ansi, styles);
                    String text = label.plainString();
                    return arg.isOption() && text.startsWith("=") ? ansi.new Text(" " + text.substring(1)) : label;
                }

                @Override
                public String separator() {
                    return " ";
                }
            };
        }
    }
}
