package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ticklane clock} group: tools about this host's clocks, which every latency number and every
 * journaled timestamp depends on.
 */
@Command(
    name = "clock",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = "Check this host's clocks: offset against an NTP server, clock resolution.",
    subcommands = { ClockCheckCommand.class })
public final class ClockCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: see ticklane clock --help");
    }
}
