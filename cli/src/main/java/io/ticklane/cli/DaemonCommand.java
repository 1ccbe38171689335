package io.ticklane.cli;

import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.HgrmFile;
import io.ticklane.runtime.daemon.StatusLine;
import org.agrona.concurrent.OffsetEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane daemon}: the colocated quoting daemon. Joins (or embeds) the media driver, subscribes to the
 * venue's market data and reports and to operator commands, quotes with the configured strategy and journals every
 * frame, until its duration ends or it is told to stop (Ctrl-C, SIGTERM), when it cancels every order, waits for
 * the venue to confirm and completes the journal.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
        "Run the quoting daemon against a venue over Aeron (see ticklane venue).",
        "Settings are layered: built-in defaults, then --config, then each --set key=value. daemon.* and transport.*",
        "keys are the daemon's (see runtime/src/main/java/io/ticklane/runtime/daemon/DaemonConfig.java); the rest",
        "are strategy keys (StrategyConfig). Prints one status line per second; Ctrl-C stops gracefully.",
        "The operator token (ticklane admin) is read from the file daemon.admin_token_file names, made with a random",
        "token if missing and refused if group or others can read it, or else from $TICKLANE_ADMIN_TOKEN.",
        "Exit 0 after a clean stop, 1 when the daemon halted by itself (send failure, agent error) or orders were",
        "left unconfirmed, 2 for a bad configuration."
    })
public final class DaemonCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (.properties).")
    private Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: run until stopped).")
    private double durationSeconds;

    @Option(names = "--quiet", description = "No per-second status line.")
    private boolean quiet;

    public Integer call() throws IOException, InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (durationSeconds < 0)
        {
            throw new IllegalArgumentException("--duration must be >= 0: " + durationSeconds);
        }
        final DaemonConfig daemonConfig = DaemonConfig.load(config, overrides, Path.of(System.getProperty("java.io.tmpdir")));
        final Daemon daemon = Daemon.start(daemonConfig, null, new OffsetEpochNanoClock());
        out.println("daemon run=" + daemon.runDirectory() + " aeron_dir=" +
            daemonConfig.transportContext().aeronDirectoryName() + " layout=" + daemonConfig.threadLayout().configName() +
            " idle=" + daemonConfig.idleStrategyName() + " config_sha256=" + daemonConfig.strategy().sha256());
        out.println("daemon state=" + daemonConfig.stateFile() + ": " + daemon.recoveryDescription());
        out.println("daemon admin token: " + daemonConfig.adminToken());
        out.flush();
        final StatusLine status = new StatusLine(daemon.counters(), daemon.tickToQuote());
        final boolean flat;
        try (RunUntilStopped run = new RunUntilStopped(daemonConfig.shutdownTimeoutMs() + 5_000))
        {
            if (!quiet)
            {
                status.printHeader(out);
            }
            run.run(Math.round(durationSeconds * 1000), 1000, () ->
            {
                if (quiet)
                {
                    status.sample(); // recycles the interval histogram: a fresh one a second was ~200 kB a second
                }
                else
                {
                    status.print(out);
                }
            });
            flat = daemon.shutdown();
            status.total().add(daemon.tickToQuote().getIntervalHistogram());
            HgrmFile.write(daemon.runDirectory().resolve("tick_to_quote.hgrm"), status.total());
            out.println("journal=" + daemon.journalDirectory() + " tick_to_quote=" +
                daemon.runDirectory().resolve("tick_to_quote.hgrm"));
            final String halt = daemon.haltReason();
            if (null != daemon.firstError())
            {
                err.println("daemon: agent error: " + daemon.firstError());
            }
            if (daemon.handlerErrors() > 0)
            {
                err.println("daemon: " + daemon.handlerErrors() + " inbound frame(s) threw in the strategy and were " +
                    "skipped; the last: inbound record " + daemon.counters().counter(DaemonCounters.HANDLER_ERROR_RECORD) +
                    " of the run's journal" + (null == daemon.lastHandlerError() ? "" : ": " + daemon.lastHandlerError()));
            }
            if (!flat)
            {
                err.println("daemon: orders still open after " + daemonConfig.shutdownTimeoutMs() +
                    " ms; reconcile with the venue");
            }
            out.println("stopped reason=" + halt + " orders_confirmed_cancelled=" + flat);
            out.flush();
            return flat && "shutdown".equals(halt) ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
