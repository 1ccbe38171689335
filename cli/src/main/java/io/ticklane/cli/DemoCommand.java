package io.ticklane.cli;

import io.ticklane.backtest.replay.LiveReplayCheck;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.journal.reader.binance.BinanceMarket;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane demo}: the whole live path in one process, for a first look: a simulated exchange publishing a
 * synthetic market (Poisson order flow around a Brownian mid) and the quoting daemon trading against it over Aeron
 * IPC on an embedded media driver. With {@code --feed binance-replay} the market is a Binance capture instead:
 * {@code feed serve} replays it on loopback (started here: its web server may only be wired by the CLI), the Binance
 * feed handler publishes it to the daemon, and the simulated exchange matches against the same frames. One status
 * line per second, then the journal, the tick-to-quote histogram and, if asked, a JSON summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the simulated exchange (synthetic flow) and the quoting daemon in one process over Aeron IPC.",
        "--feed binance-replay: the market is a Binance capture instead, replayed by feed serve on a free 127.0.0.1 port",
        "(--capture, --pace) and taken in by the Binance feed handler, which publishes it to the daemon; the simulated",
        "exchange publishes no market of its own and matches the daemon's orders against the same frames. The run ends",
        "early when the capture does.",
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

    @Option(names = "--feed", paramLabel = "synthetic|binance-replay", defaultValue = "synthetic",
        description = "Where the market comes from (default ${DEFAULT-VALUE}).")
    private String feed;

    @Option(names = "--capture", paramLabel = "FILE",
        description = {"Binance capture replayed with --feed binance-replay. Default: the shared one of",
            "--market under the data directory (the ticklane.data system property, else",
            "../shared/data): binance/usdm/btcusdt_20240808.gz or binance/spot/btcusdt_20240808.gz."})
    private Path capture;

    @Option(names = "--market", paramLabel = "usdm|spot", defaultValue = "usdm",
        description = "Binance market of the capture (default ${DEFAULT-VALUE}).")
    private String market;

    @Option(names = "--symbol", paramLabel = "SYM", defaultValue = "BTCUSDT",
        description = "Symbol of the capture (default ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--pace", paramLabel = "recorded|<f>x|max", defaultValue = "10x",
        description = {"How fast feed serve replays the capture, as in feed serve (default ${DEFAULT-VALUE}: the",
            "shared USD-M capture's 5 min 44 s in about 34 s)."})
    private String pace;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "2000",
        description = "Synthetic market events per second (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Market seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--quoter", paramLabel = "SPEC",
        description = {"Quoter. Default: " + LiveDemoContext.DEFAULT_QUOTER + ";",
            "with --feed binance-replay: " + LiveDemoContext.DEFAULT_BINANCE_QUOTER + "."})
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
        final boolean binance = binanceReplay();
        final BinanceMarket binanceMarket = binance ? binanceMarket() : null;
        final Pace replayPace = binance ? replayPace() : null;
        final Path replayed = binance ? captureFile() : null;
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        FeedServer server = null;
        LiveDemo demo = null;
        try
        {
            final LiveDemoContext context = new LiveDemoContext().runsDirectory(out).eventsPerSecond(rate).seed(seed)
                .quoter(quoter).idle(idle).fix(fix);
            if (binance)
            {
                server = FeedServer.start(new ServeContext().captures(List.of(replayed)).pace(replayPace));
                final String base = "127.0.0.1:" + server.port();
                context.binanceFeed(new BinanceFeedContext().market(binanceMarket).symbol(symbol)
                    .wsUrl("ws://" + base).restUrl("http://" + base));
            }
            demo = LiveDemo.start(context);
            final Daemon daemon = demo.daemon();
            if (binance)
            {
                stdout.printf("demo: Binance %s %s capture %s replayed by feed serve on 127.0.0.1:%d (%,d messages, pace %s), " +
                    "the feed handler publishing it to the daemon (%s) and the simulated venue matching on it, over Aeron " +
                    "IPC for %.0f s%n", market, symbol, replayed, server.port(), server.streamMessages(), replayPace,
                    context.quoter(), durationSeconds);
                stdout.println("demo: instrument " + symbol + " " + demo.sizes());
            }
            else
            {
                stdout.printf("demo: synthetic market (seed %d, %,.0f events/s) and daemon (%s) over Aeron IPC for %.0f s%n",
                    seed, rate, context.quoter(), durationSeconds);
            }
            if (fix)
            {
                stdout.printf("demo: orders over FIX 4.4: Artio initiator %s -> QuickFIX/J acceptor %s on 127.0.0.1:%d " +
                    "(session store %s)%n", LiveDemo.FIX_DAEMON_COMP_ID, LiveDemo.FIX_VENUE_COMP_ID, demo.fixVenue().port(),
                    demo.config().fixSession().storeDir());
            }
            stdout.println("demo: " + daemon.recoveryDescription());
            stdout.println("demo: media driver " + demo.config().transportContext().aeronDirectoryName() +
                " (ticklane stat|admin|cockpit --aeron-dir), operator token from " + demo.config().adminToken() +
                ", runs under " + demo.config().runDir());
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
                    if (running.hasFailed() || running.feedEnded())
                    {
                        run.requestStop();
                    }
                });
                if (demo.feedEnded())
                {
                    stdout.println("demo: the capture ended: stopping");
                }
                flat = demo.shutdown();
                final String feedSummary = demo.stopFeed();
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
                if (null != feedSummary)
                {
                    stdout.println("demo: feed " + feedSummary);
                    stdout.println("demo: venue followed " + demo.exchange().counters().framesFollowed() + " frames (" +
                        demo.exchange().counters().followedFramesRefused() + " refused), fills=" +
                        demo.exchange().counters().fills());
                }
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
            if (null != demo.feedError())
            {
                stderr.println("demo: feed handler error: " + demo.feedError());
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
            CloseHelper.quietCloseAll(demo, server);
        }
    }

    private boolean binanceReplay()
    {
        switch (feed)
        {
            case "synthetic":
                return false;
            case "binance-replay":
                if (fix)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--fix is for --feed synthetic only");
                }
                return true;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--feed must be synthetic or binance-replay, not '" + feed + "'");
        }
    }

    private BinanceMarket binanceMarket()
    {
        switch (market)
        {
            case "usdm":
                return BinanceMarket.USDM_FUTURES;
            case "spot":
                return BinanceMarket.SPOT;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), "--market must be usdm or spot, not '" + market + "'");
        }
    }

    private Pace replayPace()
    {
        try
        {
            return Pace.parse(pace);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pace: " + ex.getMessage());
        }
    }

    /**
     * The capture given, or the shared one of the market: the data directory is the {@code ticklane.data} system
     * property (the build sets it for tests), else {@code ../shared/data} beside the working directory.
     */
    private Path captureFile()
    {
        if (null != capture)
        {
            if (!Files.isRegularFile(capture))
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--capture: no such file: " + capture);
            }
            return capture;
        }
        final String property = System.getProperty("ticklane.data");
        final Path data = null != property && !property.isBlank() ? Path.of(property) : Path.of("..", "shared", "data");
        final Path shared = data.resolve("binance").resolve(market).resolve("btcusdt_20240808.gz").toAbsolutePath().normalize();
        if (!Files.isRegularFile(shared))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--capture not given and the shared capture is " +
                "missing: " + shared + " (give --capture FILE, or the data directory with -Dticklane.data=DIR)");
        }
        return shared;
    }
}
