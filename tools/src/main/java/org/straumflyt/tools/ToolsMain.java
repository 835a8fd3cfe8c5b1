package org.straumflyt.tools;

import java.util.ArrayList;
import java.util.List;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.tools.opendata.OpenDataExportCommand;
import org.straumflyt.tools.registry.RegistryImportCommand;
import org.straumflyt.tools.weather.WeatherImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The operator's command line: {@code straumflyt-tools <command> [options]}. Exit codes: 0 done, 1 done in part or
 * failed (see the messages on stderr), 2 unusable command line ({@link CommandLines}).
 */
public final class ToolsMain {
    static final String PROGRAM = "straumflyt-tools";

    private ToolsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, ToolContext.system()));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, ToolContext context) {
        return CommandLines.withStreams(commandLine(context), context.out(), context.err()).execute(args);
    }

    /** The commands, in the order the usage lists them; {@code --help} shows every command's options too. */
    static CommandLine commandLine(ToolContext context) {
        CommandLine line = CommandLines.of(new Tools(), new WeatherImportCommand(context),
                new RegistryImportCommand(context), new OpenDataExportCommand(context));
        List<String> footer = new ArrayList<>();
        line.getSubcommands().forEach((name, command) -> {
            if (!(command.getCommand() instanceof HelpCommand)) {
                footer.add("");
                footer.add(command.getUsageMessage().stripTrailing().replace("%", "%%"));
            }
        });
        footer.add("");
        footer.add("exit codes: 0 done, 1 done in part or failed, 2 unusable command line");
        line.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        return line;
    }

    /** The top of the command line: only subcommands. */
    @Command(name = PROGRAM, subcommands = HelpCommand.class,
            description = "The operator's commands: import weather and the building registry into Kafka, export "
                    + "building KPIs as open data.")
    static final class Tools {
    }
}
