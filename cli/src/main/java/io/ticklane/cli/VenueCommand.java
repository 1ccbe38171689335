package io.ticklane.cli;

import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.fix.venue.FixVenueCounters;
import io.ticklane.gateway.sim.exchange.ExchangeCounters;
import io.ticklane.gateway.sim.exchange.JournalMarketFlow;
import io.ticklane.gateway.sim.exchange.SimulatedExchange;
import io.ticklane.gateway.sim.exchange.SimulatedExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.gateway.transport.MediaDriverDirectoryException;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.runtime.daemon.IdleStrategies;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ticklane venue}: a standalone simulated exchange over Aeron, so the daemon can be run and demonstrated
 * against something that publishes a market and fills orders. It publishes a synthetic market (default) or replays
 * a journal's market data, matches incoming orders in the simulated venue and sends execution reports, until its
 * duration ends or it is stopped (Ctrl-C, SIGTERM: the shutdown hook lets it close its streams and driver cleanly).
 */
@Command(
    name = "venue",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Run a simulated exchange over Aeron: market data on the market data stream (with heartbeats, and a",
        "definition + snapshot on connection and every --snapshot-ms), orders in on the order stream, execution",
        "reports out on the report stream. The market is --synthetic (default: seeded Poisson order flow around a",
        "Brownian mid) or --journal DIR replayed at its recorded pace times --speed. Embeds a media driver unless",
        "--external-driver; a daemon on the same host then joins it (transport.embedded_driver=false).",
        "With --fix-port P --fix-config FILE the same matching engine also takes orders over FIX 4.4 on",
        "127.0.0.1:P through a QuickFIX/J acceptor (an engine independent of the daemon's Artio initiator). FILE is a",
        "properties file: sender_comp_id (the venue's), target_comp_id (the client's), username, password_file (a",
        "file only its owner may read: the password never goes on the command line), tick_size (FIX price of one",
        "tick; must equal the market's), lot_size (FIX quantity of one lot), optional symbol (default: the market's)",
        "and store_dir (session store: sequence numbers survive a restart; default in memory). Relative paths are",
        "resolved against FILE's directory; every error names its key.",
        "Prints one status line per second. Exit 0 after a clean stop (publication failures are reported on",
        "stderr), 1 when the exchange agent failed, 2 for bad options or input."
    })
public final class VenueCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--synthetic", description = "Publish a synthetic market (the default).")
    private boolean synthetic;

    @Option(names = "--journal", paramLabel = "DIR", description = "Replay this journal's market data instead.")
    private Path journal;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
        description = "Flow time per real time: 10 = ten times faster, 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
    private double speed;

    @Option(names = "--pace", paramLabel = "TIME", defaultValue = "receive",
        description = "Journal pacing: receive (recorded receive times) or exchange (frames' exchange times). " +
            "Default: ${DEFAULT-VALUE}.")
    private String pace;

    @Option(names = "--keep-open", description = "After the journal's last frame, keep serving orders until stopped.")
    private boolean keepOpen;

    @Option(names = "--snapshot-levels", paramLabel = "N", defaultValue = "100",
        description = "Journal replay: most levels a side of a snapshot carries. Default: ${DEFAULT-VALUE}.")
    private int snapshotLevels;

    @Option(names = "--instrument", paramLabel = "ID", defaultValue = "0",
        description = "Instrument id: synthetic default 1, journal default its first.")
    private long instrument;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "10000",
        description = "Synthetic events (limit orders, cancels, market orders) per second. Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--market-rate", paramLabel = "N", defaultValue = "500",
        description = "Synthetic market orders per second, part of --rate. Default: ${DEFAULT-VALUE}.")
    private double marketRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Synthetic random seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--sigma", paramLabel = "TICKS", defaultValue = "1",
        description = "Synthetic fair mid volatility, ticks per square-root second. Default: ${DEFAULT-VALUE}.")
    private double sigma;

    @Option(names = "--k", paramLabel = "K", defaultValue = "0.5",
        description = "Synthetic limit order intensity decay per tick from the touch. Default: ${DEFAULT-VALUE}.")
    private double decay;

    @Option(names = "--mid", paramLabel = "TICKS", defaultValue = "100000",
        description = "Synthetic initial mid, ticks. Default: ${DEFAULT-VALUE}.")
    private long mid;

    @Option(names = "--tick-size", paramLabel = "UNITS", defaultValue = "1",
        description = "Synthetic tick size in price units (trade priceUnits = ticks x this). Default: ${DEFAULT-VALUE}.")
    private long tickSize;

    @Option(names = "--price-exponent", paramLabel = "E", defaultValue = "-2",
        description = "Synthetic price units are 10^E currency. Default: ${DEFAULT-VALUE}.")
    private byte priceExponent;

    @Option(names = "--symbol", paramLabel = "S", defaultValue = "SYNTH", description = "Synthetic symbol. Default: ${DEFAULT-VALUE}.")
    private String symbol;

    @Option(names = "--max-order", paramLabel = "LOTS", defaultValue = "10",
        description = "Synthetic largest order, lots. Default: ${DEFAULT-VALUE}.")
    private long maxOrderLots;

    @Option(names = "--depth", paramLabel = "LOTS", defaultValue = "400",
        description = "Synthetic resting depth the book settles around, lots. Default: ${DEFAULT-VALUE}.")
    private long depthLots;

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "Media driver directory. Default: " +
        "Aeron's default with a -ticklane suffix.")
    private String aeronDir = TransportContext.DEFAULT_AERON_DIR;

    @Option(names = "--external-driver", description = "Join a media driver already running in --aeron-dir instead " +
        "of embedding one.")
    private boolean externalDriver;

    @Option(names = "--md-channel", paramLabel = "URI", defaultValue = TransportContext.DEFAULT_CHANNEL,
        description = "Market data channel. Default: ${DEFAULT-VALUE}.")
    private String marketDataChannel;

    @Option(names = "--md-stream", paramLabel = "ID", defaultValue = "1001", description = "Market data stream. Default: ${DEFAULT-VALUE}.")
    private int marketDataStream;

    @Option(names = "--order-channel", paramLabel = "URI", defaultValue = TransportContext.DEFAULT_CHANNEL,
        description = "Order channel. Default: ${DEFAULT-VALUE}.")
    private String orderChannel;

    @Option(names = "--order-stream", paramLabel = "ID", defaultValue = "1002", description = "Order stream. Default: ${DEFAULT-VALUE}.")
    private int orderStream;

    @Option(names = "--report-channel", paramLabel = "URI", defaultValue = TransportContext.DEFAULT_CHANNEL,
        description = "Execution report channel. Default: ${DEFAULT-VALUE}.")
    private String reportChannel;

    @Option(names = "--report-stream", paramLabel = "ID", defaultValue = "1003",
        description = "Execution report stream. Default: ${DEFAULT-VALUE}.")
    private int reportStream;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = "risk-averse",
        description = "Queue model: risk-averse, prob-power:N, prob-log, fifo-l3 (order-by-order journals). " +
            "Default: ${DEFAULT-VALUE}.")
    private String queue;

    @Option(names = "--latency", paramLabel = "MODEL", defaultValue = "constant:0,0,0",
        description = "Venue latency model; entry latency delays orders on the real clock. Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--maker-bps", paramLabel = "B", defaultValue = "0",
        description = "Maker fee, bps of notional (negative: rebate). Default: ${DEFAULT-VALUE}.")
    private double makerBps;

    @Option(names = "--taker-bps", paramLabel = "B", defaultValue = "0",
        description = "Taker fee, bps of notional. Default: ${DEFAULT-VALUE}.")
    private double takerBps;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "100",
        description = "Venue heartbeat period. Default: ${DEFAULT-VALUE}.")
    private long heartbeatMs;

    @Option(names = "--snapshot-ms", paramLabel = "MS", defaultValue = "1000",
        description = "Definition + snapshot period. Default: ${DEFAULT-VALUE}.")
    private long snapshotMs;

    @Option(names = "--idle", paramLabel = "STRATEGY", defaultValue = "backoff",
        description = "Idle strategy of the exchange thread: backoff, busy-spin, yielding, sleeping. Default: ${DEFAULT-VALUE}.")
    private String idle;

    @Option(names = "--fix-port", paramLabel = "PORT", defaultValue = "0",
        description = "Also accept FIX 4.4 order entry on 127.0.0.1:PORT (QuickFIX/J); needs --fix-config. Default: off.")
    private int fixPort;

    @Option(names = "--fix-config", paramLabel = "FILE",
        description = "FIX session settings (properties, keys above); needs --fix-port.")
    private Path fixConfig;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: run until stopped).")
    private double durationSeconds;

    @Option(names = "--quiet", description = "No per-second status line.")
    private boolean quiet;

    public Integer call() throws IOException, InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        validate();
        final FixVenueConfig fix = null == fixConfig ? null : FixVenueConfig.load(fixConfig);
        final IdleStrategy idleStrategy = IdleStrategies.create(idle);
        final SimulatedExchangeContext context = new SimulatedExchangeContext()
            .transportContext(new TransportContext()
                .aeronDirectoryName(aeronDir)
                .embeddedDriver(!externalDriver)
                .marketDataChannel(marketDataChannel).marketDataStreamId(marketDataStream)
                .orderChannel(orderChannel).orderStreamId(orderStream)
                .reportChannel(reportChannel).reportStreamId(reportStream)
                .conclude())
            .syntheticMarket(new SyntheticMarketContext()
                .instrumentId(0 == instrument ? SyntheticMarketContext.DEFAULT_INSTRUMENT_ID : instrument)
                .symbol(symbol).priceExponent(priceExponent).priceUnitsPerTick(tickSize)
                .seed(seed).eventsPerSecond(rate).marketOrdersPerSecond(marketRate).sigmaTicksPerSqrtSecond(sigma)
                .decayPerTick(decay).initialMidTicks(mid).maxOrderLots(maxOrderLots).targetDepthLots(depthLots))
            .journal(journal).journalInstrumentId(instrument).pacing(pacing()).snapshotLevels(snapshotLevels)
            .queueModel(queue).latencyModel(latency).feeModel(new BpsFeeModel(makerBps, takerBps))
            .clock(new OffsetEpochNanoClock())
            .speed(speed)
            .heartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(heartbeatMs))
            .snapshotIntervalNs(TimeUnit.MILLISECONDS.toNanos(snapshotMs))
            .idleStrategy(idleStrategy);

        SimulatedExchange exchange = null;
        FixVenue fixVenue = null;
        try
        {
            exchange = launch(context);
            final JournalInstrument chosen = exchange.journalInstrument();
            final String source = null != chosen ?
                "journal=" + journal + " instrument=" + chosen.id() + " (" + chosen.symbol() + ") pace=" + pace +
                " speed=" + speed :
                "synthetic seed=" + seed + " rate=" + rate + "/s market_rate=" + marketRate + "/s sigma=" + sigma +
                " instrument=" + context.syntheticMarket().instrumentId() + " speed=" + speed;
            out.println("venue " + source + " aeron_dir=" + exchange.aeronDirectoryName() + " driver=" +
                (externalDriver ? "external" : "embedded") + " queue=" + queue + " idle=" + idle);
            final VenueStatusLine status = new VenueStatusLine(exchange.counters());
            final boolean signalled;
            try (RunUntilStopped run = new RunUntilStopped(5_000))
            {
                if (!quiet)
                {
                    status.printHeader(out);
                }
                exchange.start();
                if (null != fix)
                {
                    fixVenue = launchFix(fix, exchange, chosen, context);
                    out.println("fix port=" + fixPort + " session=" + fix.senderCompId() + "->" + fix.targetCompId() +
                        " tick_size=" + fix.tickSize().toPlainString() + " lot_size=" + fix.lotSize().toPlainString() +
                        " store=" + (null == fix.storeDir() ? "memory" : fix.storeDir()));
                }
                final SimulatedExchange running = exchange;
                signalled = run.run(Math.round(durationSeconds * 1000), 1000, () ->
                {
                    if (!quiet)
                    {
                        status.print(out);
                    }
                    if (running.hasStopped() || (!keepOpen && running.hasReplayedJournal()))
                    {
                        run.requestStop();
                    }
                });
                // Read the counters while they are open: the agent closes them with its streams.
                final ExchangeCounters counters = exchange.counters();
                final String summary = status.summary();
                final long failures = counters.publishFailures();
                final String lastFailure = FramePublisher.failureName(counters.lastFailure()) + " on stream " +
                    counters.lastFailureStream();
                final Throwable error = exchange.firstError();
                final String reason = null != error ? "agent-error" :
                    exchange.hasReplayedJournal() ? "end-of-journal" : signalled ? "signal" : "duration";
                final String fixSummary = null == fixVenue ? "" : " " + fixSummary(fixVenue.counters());
                final Throwable fixError = null == fixVenue ? null : fixVenue.firstError();
                CloseHelper.close(fixVenue);
                // Close before the run lets a signal's shutdown proceed: the embedded driver deletes its directory.
                exchange.close();
                out.println("stopped reason=" + reason + " " + summary + fixSummary);
                if (null != error)
                {
                    err.println("venue: exchange agent error: " + error);
                    return ExitCodes.CHECK_FAILED;
                }
                if (null != fixError)
                {
                    err.println("venue: FIX bridge error: " + fixError);
                    return ExitCodes.CHECK_FAILED;
                }
                if (0 != failures)
                {
                    err.println("venue: " + failures + " frame(s) not taken by a publication, last " + lastFailure);
                }
                return ExitCodes.OK;
            }
        }
        finally
        {
            CloseHelper.quietClose(fixVenue);
            CloseHelper.quietClose(exchange);
            out.flush();
        }
    }

    private FixVenue launchFix(
        final FixVenueConfig fix,
        final SimulatedExchange exchange,
        final JournalInstrument chosen,
        final SimulatedExchangeContext context)
    {
        final long instrumentId = null != chosen ? chosen.id() : context.syntheticMarket().instrumentId();
        final String marketSymbol = null != chosen ? chosen.symbol() : context.syntheticMarket().symbol();
        final BigDecimal marketTick = null != chosen ?
            BigDecimal.valueOf(chosen.tickSize(), -chosen.priceExponent()) :
            BigDecimal.valueOf(context.syntheticMarket().priceUnitsPerTick(), -context.syntheticMarket().priceExponent());
        if (0 != marketTick.compareTo(fix.tickSize()))
        {
            throw new IllegalArgumentException(FixVenueConfig.TICK_SIZE + " is " + fix.tickSize().toPlainString() +
                " but the market's tick is " + marketTick.stripTrailingZeros().toPlainString() + " in " + fixConfig);
        }
        return FixVenue.launch(fix, fixPort, exchange.transport(), instrumentId, marketSymbol, new SystemEpochNanoClock());
    }

    private static String fixSummary(final FixVenueCounters counters)
    {
        return "fix_logons=" + counters.logons() + " fix_logons_refused=" + counters.logonsRefused() + " fix_requests=" +
            counters.requests() + " fix_refused=" + counters.requestsRefused() + " fix_sent=" + counters.messagesSent();
    }

    private static SimulatedExchange launch(final SimulatedExchangeContext context) throws IOException
    {
        try
        {
            return SimulatedExchange.launch(context);
        }
        catch (final MediaDriverDirectoryException ex)
        {
            // no driver to join, or one already running where we would embed ours: the options are wrong
            throw new IllegalArgumentException(ex.getMessage() + " (--external-driver joins a running driver)", ex);
        }
    }

    private void validate()
    {
        if (synthetic && null != journal)
        {
            throw new IllegalArgumentException("--synthetic and --journal are exclusive: choose one market");
        }
        if (durationSeconds < 0)
        {
            throw new IllegalArgumentException("--duration must be >= 0: " + durationSeconds);
        }
        if (heartbeatMs <= 0 || snapshotMs <= 0)
        {
            throw new IllegalArgumentException("--heartbeat-ms and --snapshot-ms must be > 0");
        }
        if (instrument < 0)
        {
            throw new IllegalArgumentException("--instrument must be >= 0: " + instrument);
        }
        if ((0 == fixPort) != (null == fixConfig))
        {
            throw new IllegalArgumentException("--fix-port and --fix-config go together");
        }
        if (fixPort < 0 || fixPort > 65535)
        {
            throw new IllegalArgumentException("--fix-port must be 1..65535: " + fixPort);
        }
        pacing();
    }

    private JournalMarketFlow.Pacing pacing()
    {
        switch (pace)
        {
            case "receive":
                return JournalMarketFlow.Pacing.RECEIVE;
            case "exchange":
                return JournalMarketFlow.Pacing.EXCHANGE;
            default:
                throw new IllegalArgumentException("--pace must be receive or exchange, got '" + pace + "'");
        }
    }
}
