package io.ticklane.cli;

import io.ticklane.backtest.replay.LiveReplayCheck;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.HgrmFile;
import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.StatusLine;
import io.ticklane.runtime.demo.DemoSummary;
import io.ticklane.runtime.demo.LiveDemo;
import io.ticklane.runtime.demo.LiveDemoContext;
import org.agrona.CloseHelper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane demo}: the whole live path in one process, for a first look: a simulated exchange publishing a
 * synthetic market (Poisson order flow around a Brownian mid) and the quoting daemon trading against it over Aeron
 * IPC on an embedded media driver. One status line per second, then the journal, the tick-to-quote histogram and,
 * if asked, a JSON summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the simulated exchange (synthetic flow) and the quoting daemon in one process over Aeron IPC.",
        "Prints one line per second (mid, book, our quotes, position, PnL, fills, tick-to-quote p50/p99), then writes",
        "the journal and tick_to_quote.hgrm under --out and says where. Ctrl-C stops early (gracefully).",
        "Exit 0 after a clean run, 1 if the daemon halted by itself or left orders unconfirmed."
    })
public final class DemoCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "30", description = "Seconds to run (default ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-runs",
        description = "Where runs, journals and histograms go (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "2000",
        description = "Synthetic market events per second (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Market seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--quoter", paramLabel = "SPEC", defaultValue = LiveDemoContext.DEFAULT_QUOTER,
        description = "Quoter (default ${DEFAULT-VALUE}).")
    private String quoter;

    @Option(names = "--idle", paramLabel = "I", defaultValue = "backoff",
        description = "Idle strategy of every agent: busy-spin, yielding, backoff, sleeping (default ${DEFAULT-VALUE}).")
    private String idle;

    @Option(names = "--fix", description = {"Send orders over FIX 4.4: the daemon's Artio initiator logs on to the exchange",
        "behind a QuickFIX/J acceptor on a free 127.0.0.1 port (market data stays on Aeron)."})
    private boolean fix;

    @Option(names = "--json-summary", paramLabel = "FILE", description = "Also write the final figures as JSON.")
    private Path jsonSummary;

    public Integer call() throws IOException, InterruptedException
    {
        if (!(durationSeconds > 0) || !(rate > 0))
        {
            throw new IllegalArgumentException("--duration and --rate must be > 0");
        }
        IdleStrategies.create(idle);
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        LiveDemo demo = null;
        try
        {
            demo = LiveDemo.start(new LiveDemoContext().runsDirectory(out).eventsPerSecond(rate).seed(seed).quoter(quoter)
                .idle(idle).fix(fix));
            final Daemon daemon = demo.daemon();
            stdout.printf("demo: synthetic market (seed %d, %,.0f events/s) and daemon (%s) over Aeron IPC for %.0f s%n",
                seed, rate, quoter, durationSeconds);
            if (fix)
            {
                stdout.printf("demo: orders over FIX 4.4: Artio initiator %s -> QuickFIX/J acceptor %s on 127.0.0.1:%d " +
                    "(session store %s)%n", LiveDemo.FIX_DAEMON_COMP_ID, LiveDemo.FIX_VENUE_COMP_ID, demo.fixVenue().port(),
                    demo.config().fixSession().storeDir());
            }
            stdout.println("demo: " + daemon.recoveryDescription());
            final StatusLine status = new StatusLine(daemon.counters(), daemon.tickToQuote());
            final boolean flat;
            final LiveReplayCheck replay;
            final LiveDemo running = demo;
            try (RunUntilStopped run = new RunUntilStopped(demo.config().shutdownTimeoutMs() + 5_000))
            {
                status.printHeader(stdout);
                run.run(Math.round(durationSeconds * 1000), 1000, () ->
                {
                    status.print(stdout);
                    if (running.hasFailed())
                    {
                        run.requestStop();
                    }
                });
                flat = demo.shutdown();
                status.total().add(daemon.tickToQuote().getIntervalHistogram());
                final DaemonCounters counters = daemon.counters();
                final Path histogram = daemon.runDirectory().resolve("tick_to_quote.hgrm");
                HgrmFile.write(histogram, status.total());
                replay = LiveReplayCheck.of(daemon.journalDirectory(), demo.config().strategy());
                if (null != jsonSummary)
                {
                    DemoSummary.write(jsonSummary, demo, status.total(), replay.journaledSha256(), replay.replayedSha256());
                }
                stdout.println();
                stdout.printf(Locale.ROOT, "demo: fills=%d position=%d net_pnl=%d ticks x lots, orders new=%d replace=%d " +
                    "cancel=%d, tick-to-quote p50=%.1fus p99=%.1fus over %d quotes%n",
                    counters.counter(DaemonCounters.FILLS), counters.counter(DaemonCounters.POSITION),
                    counters.counter(DaemonCounters.NET_PNL), counters.counter(DaemonCounters.ORDERS_NEW),
                    counters.counter(DaemonCounters.ORDERS_REPLACE), counters.counter(DaemonCounters.ORDERS_CANCEL),
                    status.total().getValueAtPercentile(50) / 1e3, status.total().getValueAtPercentile(99) / 1e3,
                    status.total().getTotalCount());
                stdout.println("demo: journal=" + daemon.journalDirectory());
                stdout.println("demo: live outbound sha256=" + replay.journaledSha256());
                stdout.println("demo: replay of the journal  sha256=" + replay.replayedSha256() +
                    (replay.reproduced() ? "  (equal: the replay reproduced the live run)" : "  (DIFFERENT)"));
                stdout.println("demo: tick_to_quote=" + histogram);
                stdout.println("demo: replay it: ./ticklane replay --journal " + daemon.journalDirectory() + " --config " +
                    daemon.runDirectory().resolve("strategy.properties"));
                if (null != jsonSummary)
                {
                    stdout.println("demo: summary=" + jsonSummary.toAbsolutePath());
                }
                stdout.flush();
            }
            if (null != demo.exchange().firstError())
            {
                stderr.println("demo: exchange agent error: " + demo.exchange().firstError());
                return ExitCodes.CHECK_FAILED;
            }
            if (null != demo.fixVenue() && null != demo.fixVenue().firstError())
            {
                stderr.println("demo: FIX venue error: " + demo.fixVenue().firstError());
                return ExitCodes.CHECK_FAILED;
            }
            if (null != daemon.firstError())
            {
                stderr.println("demo: daemon agent error: " + daemon.firstError());
                return ExitCodes.CHECK_FAILED;
            }
            if (!flat)
            {
                stderr.println("demo: orders still open at the end");
                return ExitCodes.CHECK_FAILED;
            }
            if (!replay.reproduced())
            {
                stderr.println("demo: the replay of the journal did not reproduce the live outbound frames");
                return ExitCodes.CHECK_FAILED;
            }
            return ExitCodes.OK;
        }
        finally
        {
            CloseHelper.quietClose(demo);
        }
    }
}
