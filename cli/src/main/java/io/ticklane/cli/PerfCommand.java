package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ticklane perf} group: where the microseconds go. The tick-to-quote harness, the soak, histogram
 * reports, the regression guard between two runs and the JMH suite.
 */
@Command(
    name = "perf",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = "Tick-to-quote harness, soak, latency reports from HdrHistogram files, run-to-run comparison, JMH.",
    subcommands = { PerfTickToQuoteCommand.class, PerfSoakCommand.class, PerfReportCommand.class, PerfCompareCommand.class,
        PerfJmhCommand.class })
public final class PerfCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command: see ticklane perf --help");
    }
}
