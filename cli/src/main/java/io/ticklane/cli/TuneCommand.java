package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ticklane tune} group: is this host (and JVM) ready for low-latency work.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = "Check this host's tuning for low-latency work (CPU governor, isolated cores, THP, clocksource...).",
    subcommands = { TuneCheckCommand.class })
public final class TuneCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: see ticklane tune --help");
    }
}
