package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * The one user-facing entry point, {@code ticklane <command>}: every tool Ticklane ships is a sub-command here,
 * so users learn one surface with one set of conventions (--help everywhere, meaningful exit codes).
 */
@Command(
    name = "ticklane",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = "Low-latency market-making runtime: live daemon, deterministic replay, latency profiling.")
public final class TicklaneCli implements Runnable
{
    private static final int USAGE_WIDTH = 120;

    /**
     * The commands, in the order {@code ticklane --help} lists them. Registered in code rather than in the
     * annotation so that a run of one command builds only that command's model: picocli builds a command's model by
     * reflection on its class and every option, and building all of them cost about half a second of each cold start.
     */
    private static final List<Class<?>> COMMANDS = List.of(CommandLine.HelpCommand.class, BookCommand.class,
        ClockCommand.class, FactorsCommand.class, FitCommand.class, QuoteCommand.class, ResearchCommand.class,
        ImportCommand.class, JournalCommand.class, ReplayCommand.class, BacktestCommand.class, DemoCommand.class,
        DaemonCommand.class, OperatorCommand.class, StatCommand.class, TuneCommand.class, PerfCommand.class,
        CockpitCommand.class, VenueCommand.class, FeedCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the CLI and exits with its exit code.
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the CLI without exiting, for tests and embedding.
     *
     * @param args command line.
     * @return the exit code, see {@link ExitCodes}.
     */
    public static int execute(final String... args)
    {
        return newCommandLine(args).execute(args);
    }

    /**
     * @return the whole command tree.
     */
    static CommandLine newCommandLine()
    {
        return newCommandLine(COMMANDS);
    }

    /**
     * @param args a command line.
     * @return the tree with only the command {@code args[0]} names when it names one (its own help, options and
     *         errors are exactly as in the whole tree); the whole tree otherwise ({@code --help}, {@code help X}, an
     *         unknown command, an argument file first).
     */
    static CommandLine newCommandLine(final String... args)
    {
        if (args.length > 0)
        {
            for (final Class<?> command : COMMANDS)
            {
                final Command annotation = command.getAnnotation(Command.class);
                if (CommandLine.HelpCommand.class != command && annotation.name().equals(args[0]))
                {
                    return newCommandLine(List.of(command));
                }
            }
        }
        return newCommandLine(COMMANDS);
    }

    private static CommandLine newCommandLine(final List<Class<?>> commands)
    {
        final CommandLine commandLine = new CommandLine(new TicklaneCli());
        for (final Class<?> command : commands)
        {
            commandLine.addSubcommand(command);
        }
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        commandLine.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        commandLine.setParameterExceptionHandler(ExitCodes::handleParameterException);
        return commandLine;
    }

    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: see ticklane --help");
    }
}
