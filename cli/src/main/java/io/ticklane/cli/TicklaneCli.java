package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one user-facing entry point, {@code ticklane <command>}: every tool Ticklane ships is a sub-command here,
 * so users learn one surface with one set of conventions (--help everywhere, meaningful exit codes).
 */
@Command(
    name = "ticklane",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = "Low-latency market-making runtime: live daemon, deterministic replay, latency profiling.",
    subcommands = { CommandLine.HelpCommand.class, BookCommand.class, ClockCommand.class, FactorsCommand.class,
        FitCommand.class, QuoteCommand.class, ResearchCommand.class, ImportCommand.class, JournalCommand.class,
        ReplayCommand.class, BacktestCommand.class, DemoCommand.class, DaemonCommand.class, OperatorCommand.class, StatCommand.class,
        TuneCommand.class, PerfCommand.class, VenueCommand.class, FeedCommand.class })
public final class TicklaneCli implements Runnable
{
    private static final int USAGE_WIDTH = 120;

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
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine()
    {
        final CommandLine commandLine = new CommandLine(new TicklaneCli());
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
