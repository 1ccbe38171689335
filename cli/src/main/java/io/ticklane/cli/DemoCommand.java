package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.gateway.sim.exchange.ExchangeAgent;
import io.ticklane.gateway.sim.exchange.ExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarket;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.IdleStrategies;
import io.ticklane.runtime.daemon.StatusLine;
import io.ticklane.backtest.replay.JournalReplay;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

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
public final class DemoCommand implements java.util.concurrent.Callable<Integer>
{
    private static final String QUOTER = "glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)";

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

    @Option(names = "--quoter", paramLabel = "SPEC", defaultValue = QUOTER, description = "Quoter (default ${DEFAULT-VALUE}).")
    private String quoter;

    @Option(names = "--idle", paramLabel = "I", defaultValue = "backoff",
        description = "Idle strategy of every agent: busy-spin, yielding, backoff, sleeping (default ${DEFAULT-VALUE}).")
    private String idle;

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
        // every demo starts flat: its own session directory, so no checkpoint of an earlier demo is restored
        final Path base = out.toAbsolutePath().resolve(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
        Files.createDirectories(base);
        final SyntheticMarketContext market = new SyntheticMarketContext().seed(seed).eventsPerSecond(rate).conclude();
        final String aeronDir = Files.createTempDirectory("ticklane-demo-aeron").toString();
        final DaemonConfig config = DaemonConfig.load(null, List.of(
            "instrument.id=" + market.instrumentId(),
            "quoter=" + quoter,
            "risk.admin_token=demo", "risk.max_order_quantity=10", "risk.max_position=20",
            "risk.max_notional=100000000000", "risk.price_collar_ticks=50", "risk.venue_silence_ms=1000",
            "daemon.run_dir=" + base.resolve("runs"), "daemon.idle=" + idle,
            "daemon.instrument_symbol=" + market.symbol(),
            "daemon.instrument_tick_size=" + market.priceUnitsPerTick(),
            "daemon.instrument_lot_size=" + market.lotSize(),
            "daemon.instrument_price_exponent=" + market.priceExponent(),
            "daemon.instrument_quantity_exponent=" + market.quantityExponent(),
            "transport.aeron_dir=" + aeronDir), base);

        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final AtomicReference<Throwable> venueError = new AtomicReference<>();
        Transport transport = null;
        AgentRunner venue = null;
        Daemon daemon = null;
        try
        {
            transport = Transport.launch(config.transportContext());
            final ExchangeAgent exchange = new ExchangeAgent(new ExchangeContext()
                .flow(new SyntheticMarket(market))
                .venueContext(new VenueContext().instrumentId(market.instrumentId())
                    .priceUnitsPerTick(market.priceUnitsPerTick()).queueModel("prob-power:2")
                    .feeModel(new BpsFeeModel(-0.5, 2.5)))
                .clock(clock)
                .conclude(), transport);
            venue = new AgentRunner(IdleStrategies.create(idle), (t) -> venueError.compareAndSet(null, t), null, exchange);
            AgentRunner.startOnThread(venue);
            daemon = Daemon.start(config, transport, clock);
            stdout.printf("demo: synthetic market (seed %d, %,.0f events/s) and daemon (%s) over Aeron IPC for %.0f s%n",
                seed, rate, quoter, durationSeconds);
            stdout.println("demo: " + daemon.recoveryDescription());
            final StatusLine status = new StatusLine(daemon.counters(), daemon.tickToQuote());
            final boolean flat;
            boolean replayEqual = false;
            final Daemon running = daemon;
            try (RunUntilStopped run = new RunUntilStopped(config.shutdownTimeoutMs() + 5_000))
            {
                status.printHeader(stdout);
                run.run(Math.round(durationSeconds * 1000), 1000, () ->
                {
                    status.print(stdout);
                    if (null != venueError.get() || null != running.firstError())
                    {
                        run.requestStop();
                    }
                });
                flat = daemon.shutdown();
                status.total().add(daemon.tickToQuote().getIntervalHistogram());
                final DaemonCounters counters = daemon.counters();
                final Path histogram = daemon.runDirectory().resolve("tick_to_quote.hgrm");
                DaemonCommand.writeHistogram(histogram, status.total());
                if (null != jsonSummary)
                {
                    writeSummary(jsonSummary, daemon, status.total(), exchange, replayCheck(daemon, config));
                }
                stdout.println();
                stdout.printf(Locale.ROOT, "demo: fills=%d position=%d net_pnl=%d ticks x lots, orders new=%d replace=%d " +
                    "cancel=%d, tick-to-quote p50=%.1fus p99=%.1fus over %d quotes%n",
                    counters.counter(DaemonCounters.FILLS), counters.counter(DaemonCounters.POSITION),
                    counters.counter(DaemonCounters.NET_PNL), counters.counter(DaemonCounters.ORDERS_NEW),
                    counters.counter(DaemonCounters.ORDERS_REPLACE), counters.counter(DaemonCounters.ORDERS_CANCEL),
                    status.total().getValueAtPercentile(50) / 1e3, status.total().getValueAtPercentile(99) / 1e3,
                    status.total().getTotalCount());
                final String[] hashes = replayCheck(daemon, config);
                stdout.println("demo: journal=" + daemon.journalDirectory());
                stdout.println("demo: live outbound sha256=" + hashes[0]);
                stdout.println("demo: replay of the journal  sha256=" + hashes[1] +
                    (hashes[0].equals(hashes[1]) ? "  (equal: the replay reproduced the live run)" : "  (DIFFERENT)"));
                replayEqual = hashes[0].equals(hashes[1]);
                stdout.println("demo: tick_to_quote=" + histogram);
                stdout.println("demo: replay it: ./ticklane replay --journal " + daemon.journalDirectory() + " --config " +
                    daemon.runDirectory().resolve("strategy.properties"));
                if (null != jsonSummary)
                {
                    stdout.println("demo: summary=" + jsonSummary.toAbsolutePath());
                }
                stdout.flush();
            }
            if (null != venueError.get())
            {
                stderr.println("demo: exchange agent error: " + venueError.get());
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
            if (!replayEqual)
            {
                stderr.println("demo: the replay of the journal did not reproduce the live outbound frames");
                return ExitCodes.CHECK_FAILED;
            }
            return ExitCodes.OK;
        }
        finally
        {
            CloseHelper.quietClose(daemon);
            CloseHelper.quietClose(venue);
            CloseHelper.quietClose(transport);
        }
    }

    /**
     * @return the SHA-256 of the journal's outbound records and of what a fresh strategy sends when the journal's
     *         inbound records are replayed into it.
     */
    private static String[] replayCheck(final Daemon daemon, final DaemonConfig config) throws IOException
    {
        final JournalReplay.FrameHash journaled = new JournalReplay.FrameHash();
        final JournalReplay replay = new JournalReplay(config.strategy());
        try (JournalReader reader = JournalReader.open(daemon.journalDirectory()))
        {
            reader.readAll(JournalReplay.journaledOutbound(journaled));
        }
        try (JournalReader reader = JournalReader.open(daemon.journalDirectory()))
        {
            reader.readInbound(replay);
        }
        return new String[]{journaled.sha256(), replay.outbound().sha256()};
    }

    private static void writeSummary(
        final Path file, final Daemon daemon, final Histogram tickToQuote, final ExchangeAgent exchange,
        final String[] hashes) throws IOException
    {
        final DaemonCounters counters = daemon.counters();
        final List<String> labels = new ArrayList<>(List.of(DaemonCounters.INBOUND_FRAMES, DaemonCounters.MARKET_DATA,
            DaemonCounters.REPORTS, DaemonCounters.ORDERS_NEW, DaemonCounters.ORDERS_REPLACE, DaemonCounters.ORDERS_CANCEL,
            DaemonCounters.FILLS, DaemonCounters.POSITION, DaemonCounters.NET_PNL, DaemonCounters.MODE,
            DaemonCounters.OPEN_ORDERS, DaemonCounters.JOURNAL_RECORDS));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("runDirectory", daemon.runDirectory().toString());
            json.writeStringField("journal", daemon.journalDirectory().toString());
            json.writeStringField("liveOutboundSha256", hashes[0]);
            json.writeStringField("replayOutboundSha256", hashes[1]);
            json.writeBooleanField("replayReproducesLive", hashes[0].equals(hashes[1]));
            json.writeObjectFieldStart("daemon");
            for (final String label : labels)
            {
                json.writeNumberField(label, counters.counter(label));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("venue");
            json.writeNumberField("framesPublished", exchange.counters().framesPublished());
            json.writeNumberField("ordersReceived", exchange.counters().ordersReceived());
            json.writeNumberField("fills", exchange.counters().fills());
            json.writeNumberField("rejects", exchange.counters().rejects());
            json.writeEndObject();
            json.writeObjectFieldStart("tickToQuoteMicros");
            json.writeNumberField("count", tickToQuote.getTotalCount());
            for (final double percentile : new double[]{50, 90, 99, 99.9})
            {
                json.writeNumberField("p" + (percentile == Math.rint(percentile) ? Long.toString((long)percentile) :
                    Double.toString(percentile)), tickToQuote.getValueAtPercentile(percentile) / 1e3);
            }
            json.writeNumberField("max", tickToQuote.getMaxValue() / 1e3);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
