package org.straumflyt.tools;

import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.tools.elhub.ElhubImportCommand;
import org.straumflyt.tools.opendata.OpenDataExportCommand;
import org.straumflyt.tools.prices.PriceImportCommand;
import org.straumflyt.tools.registry.RegistryImportCommand;
import org.straumflyt.tools.weather.WeatherImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's command line: {@code straumflyt-tools <command> [options]}; {@code --help} shows every command's
 * options. Exit codes: 0 done, 1 done in part or failed (see the messages on stderr), 2 unusable command line
 * ({@link CommandLines}).
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

    /** The commands, in the order the usage lists them. */
    static CommandLine commandLine(ToolContext context) {
        return CommandLines.of(new Tools(), new WeatherImportCommand(context), new RegistryImportCommand(context),
                new ElhubImportCommand(context), new OpenDataExportCommand(context), new PriceImportCommand(context));
    }

    /** The top of the command line: only subcommands. */
    @Command(name = PROGRAM, description = "The operator's commands: import weather, the building registry and "
            + "Elhub metering values and day-ahead prices into Kafka, export building KPIs as open data.")
    static final class Tools {
    }
}
