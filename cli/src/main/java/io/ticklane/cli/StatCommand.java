package io.ticklane.cli;

import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.runtime.daemon.ModeName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ticklane stat}: a running daemon's counters, read live from its counters file in the driver directory, as
 * AeronStat reads the CnC file
 * (events in, orders sent, fills, rejects by reason, position, PnL, mode, ring occupancy, journal lag), refreshed
 * every interval. Reading never disturbs the daemon.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Show a running daemon's live counters, refreshed every --interval-ms (Ctrl-C to stop).",
        "Exit 1 when no daemon counters are found in the driver directory."
    })
public final class StatCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DaemonAeronDirOption daemon = new DaemonAeronDirOption();

    @Option(names = "--interval-ms", paramLabel = "MS", description = "Refresh period (default ${DEFAULT-VALUE}).")
    private long intervalMs = 1_000;

    @Option(names = "--count", paramLabel = "N", description = "Print N times then exit (default: until stopped).")
    private long count;

    @Option(names = "--all", description = "Also show counters that are zero.")
    private boolean all;

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final String aeronDir = daemon.aeronDir();
        final DaemonCountersReader reader = new DaemonCountersReader(Path.of(aeronDir));
        for (long i = 0; 0 == count || i < count; i++)
        {
            if (i > 0)
            {
                Thread.sleep(intervalMs);
            }
            final Map<String, Long> values;
            try
            {
                values = reader.read();
            }
            catch (final IllegalArgumentException ex)
            {
                spec.commandLine().getErr().println("stat: " + ex.getMessage());
                return ExitCodes.CHECK_FAILED;
            }
            if (values.isEmpty())
            {
                spec.commandLine().getErr().println("stat: no ticklane daemon counters in " + aeronDir);
                return ExitCodes.CHECK_FAILED;
            }
            out.println("-- " + Instant.now() + " " + aeronDir + " daemon " + reader.owner());
            values.forEach((label, value) ->
            {
                if (all || 0 != value || isAlwaysShown(label))
                {
                    out.printf("%14d  %s%s%n", value, label, annotation(label, value));
                }
            });
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static boolean isAlwaysShown(final String label)
    {
        return DaemonCounters.MODE.equals(label) || DaemonCounters.POSITION.equals(label) ||
            DaemonCounters.INBOUND_FRAMES.equals(label) || DaemonCounters.FILLS.equals(label);
    }

    private static String annotation(final String label, final long value)
    {
        if (DaemonCounters.MODE.equals(label))
        {
            return "  = " + ModeName.of(value);
        }
        if (DaemonCounters.MODE_REASON.equals(label) && value >= 0 && value < ModeReason.values().length)
        {
            return "  = " + ModeReason.values()[(int)value];
        }
        return "";
    }
}
