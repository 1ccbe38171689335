package io.ticklane.runtime.demo;

import io.ticklane.gateway.feed.binance.BinanceFeed;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.sim.exchange.SimulatedExchange;
import io.ticklane.gateway.sim.exchange.SimulatedExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.IdleStrategies;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The simulated exchange and the quoting daemon running in one process over Aeron IPC on one embedded media driver
 * (in a fresh temporary directory), sharing one clock. Each demo gets its own session directory under the runs
 * directory, so no checkpoint of an earlier demo is restored and every demo starts flat. The daemon's settings are
 * the demo's: small risk limits, the synthetic market's instrument, a random operator token in the session
 * directory's {@code admin.token} (mode 600), made at start. With {@link LiveDemoContext#fix(boolean)} the orders go
 * over FIX 4.4 instead: the exchange sits behind Ticklane's QuickFIX/J acceptor ({@link FixVenue}) on a free
 * loopback port, the daemon logs on with its Artio initiator ({@code gateway.orders=fix}) and a random password kept
 * in the session directory's {@code fix.password} (mode 600); market data still comes over Aeron.
 * <p>
 * With {@link LiveDemoContext#binanceFeed} the market is a Binance one instead: the Binance feed handler runs in the
 * demo on its own thread ({@link BinanceFeedThread}), connected to the endpoints given (the CLI's {@code feed serve}
 * replaying a capture on loopback), and publishes its SBE frames on the demo's market-data stream; the daemon quotes
 * on them and the simulated exchange, publishing no market of its own, matches the daemon's orders against the same
 * frames ({@code SimulatedExchangeContext#followMarketData}). Tick and lot come from the handler's first REST
 * snapshot; the daemon's settings are then those of {@code examples/binance-usdm-glft} scaled to a demo, with slots
 * large enough for a 1,000-level depth snapshot.
 */
public final class LiveDemo implements AutoCloseable
{
    /** Queue model of the demo's venue: probabilistic, so resting quotes fill now and then. */
    public static final String QUEUE_MODEL = "prob-power:2";
    /** Maker fee of the demo's venue, bps (a rebate). */
    public static final double MAKER_BPS = -0.5;
    /** Taker fee of the demo's venue, bps. */
    public static final double TAKER_BPS = 2.5;

    /** SenderCompID of the demo's FIX venue (the daemon's TargetCompID). */
    public static final String FIX_VENUE_COMP_ID = "VENUE";
    /** SenderCompID of the daemon in the FIX demo. */
    public static final String FIX_DAEMON_COMP_ID = "TICKLANE";

    /** Ring slot size with a Binance market: a depth snapshot of 1,000 levels a side is about 34 KB. */
    static final int BINANCE_SLOT_BYTES = 64 * 1024;

    private final DaemonConfig config;
    private final TickLotSizes sizes;
    private Transport transport;
    private BinanceFeedThread feed;
    private SimulatedExchange exchange;
    private FixVenue fixVenue;
    private Daemon daemon;

    private LiveDemo(final DaemonConfig config, final TickLotSizes sizes)
    {
        this.config = config;
        this.sizes = sizes;
    }

    /**
     * Creates the session directory, launches the driver, starts the exchange and then the daemon, and with a
     * Binance market last the feed handler (so the daemon and the exchange already listen to its first frame).
     *
     * @param context settings; concluded here.
     * @return the running demo.
     * @throws IOException if a directory cannot be created or the daemon cannot start its journal.
     * @throws io.ticklane.journal.reader.InputFormatException when a Binance feed's first REST snapshot cannot be
     *         fetched or read.
     */
    public static LiveDemo start(final LiveDemoContext context) throws IOException
    {
        context.conclude();
        final Path base = context.runsDirectory().toAbsolutePath().resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(base);
        final SyntheticMarketContext market = new SyntheticMarketContext()
            .seed(context.seed()).eventsPerSecond(context.eventsPerSecond()).conclude();
        final BinanceFeedContext binance = context.binanceFeed();
        final HttpClient client = null == binance ? null :
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final TickLotSizes sizes = null == binance ? null : BinanceFeed.sizes(binance.stopOnNormalClose(true), client);
        final String aeronDir = Files.createTempDirectory("ticklane-demo-aeron").toString();
        final List<String> settings = new ArrayList<>(List.of(
            "quoter=" + context.quoter(),
            "daemon.admin_token_file=" + base.resolve("admin.token"),
            "risk.max_notional=100000000000", "risk.venue_silence_ms=1000",
            "daemon.run_dir=" + base.resolve("runs"), "daemon.idle=" + context.idle(),
            "transport.aeron_dir=" + aeronDir));
        if (null == binance)
        {
            settings.addAll(List.of(
                "instrument.id=" + market.instrumentId(),
                "risk.max_order_quantity=10", "risk.max_position=20", "risk.price_collar_ticks=50",
                "daemon.instrument_symbol=" + market.symbol(),
                "daemon.instrument_tick_size=" + market.priceUnitsPerTick(),
                "daemon.instrument_lot_size=" + market.lotSize(),
                "daemon.instrument_price_exponent=" + market.priceExponent(),
                "daemon.instrument_quantity_exponent=" + market.quantityExponent()));
        }
        else
        {
            // examples/binance-usdm-glft's limits: orders of up to 20 lots, a position of 50, quotes within 1,000
            // ticks of the mid (GLFT's inventory skew needs that room; 50 refused its quotes at the position limit)
            settings.addAll(List.of(
                "instrument.id=" + binance.instrumentId(),
                "risk.max_order_quantity=20", "risk.max_position=50", "risk.price_collar_ticks=1000",
                "daemon.instrument_symbol=" + binance.symbol(),
                "daemon.instrument_tick_size=" + stepUnits(sizes.tickSize()),
                "daemon.instrument_lot_size=" + stepUnits(sizes.lotSize()),
                "daemon.instrument_price_exponent=" + exponent(sizes.tickSize()),
                "daemon.instrument_quantity_exponent=" + exponent(sizes.lotSize()),
                "daemon.slot_bytes=" + BINANCE_SLOT_BYTES, "daemon.ring_slots=1024", "daemon.outbound_reserve=64"));
        }
        FixVenueConfig venueConfig = null;
        int fixPort = 0;
        if (context.fix())
        {
            final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            final Path passwordFile = base.resolve("fix.password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            fixPort = freeLoopbackPort();
            venueConfig = new FixVenueConfig(FIX_VENUE_COMP_ID, FIX_DAEMON_COMP_ID, "ticklane", password,
                BigDecimal.valueOf(market.priceUnitsPerTick(), -market.priceExponent()),
                BigDecimal.valueOf(market.lotSize(), -market.quantityExponent()), market.symbol(),
                base.resolve("fix-venue-store"));
            settings.addAll(List.of("gateway.orders=fix", "fix.port=" + fixPort,
                "fix.sender_comp_id=" + FIX_DAEMON_COMP_ID, "fix.target_comp_id=" + FIX_VENUE_COMP_ID,
                "fix.username=ticklane", "fix.password_file=" + passwordFile, "fix.store_dir=" + base.resolve("fix-store"),
                "fix.heartbeat_interval_s=5", "fix.reconnect_initial_ms=200", "fix.reconnect_max_ms=5000"));
        }
        final DaemonConfig config = DaemonConfig.load(null, settings, base);

        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final LiveDemo demo = new LiveDemo(config, sizes);
        try
        {
            demo.transport = Transport.launch(config.transportContext());
            final SimulatedExchangeContext exchange = new SimulatedExchangeContext()
                .transport(demo.transport)
                .syntheticMarket(market);
            if (null != binance)
            {
                exchange.followMarketData(binance.instrumentId(), stepUnits(sizes.tickSize()));
            }
            demo.exchange = SimulatedExchange.launch(exchange
                .queueModel(QUEUE_MODEL)
                .feeModel(new BpsFeeModel(MAKER_BPS, TAKER_BPS))
                .clock(clock)
                .idleStrategy(IdleStrategies.create(context.idle())));
            demo.exchange.start();
            if (null != venueConfig)
            {
                demo.fixVenue = FixVenue.launch(venueConfig, fixPort, demo.transport, market.instrumentId(),
                    market.symbol(), clock);
            }
            demo.daemon = Daemon.start(config, demo.transport, clock);
            if (null != binance)
            {
                demo.feed = new BinanceFeedThread(binance, sizes, demo.transport, client, clock,
                    IdleStrategies.create(context.idle()));
                demo.feed.start();
            }
            return demo;
        }
        catch (final IOException | RuntimeException | Error ex)
        {
            demo.close();
            throw ex;
        }
    }

    /**
     * @return the daemon's settings (its strategy's included).
     */
    public DaemonConfig config()
    {
        return config;
    }

    /**
     * @return tick and lot of the Binance market, as the feed handler's first REST snapshot gave them; null for the
     *         synthetic market.
     */
    public TickLotSizes sizes()
    {
        return sizes;
    }

    /**
     * @return true once the Binance feed's stream ended normally (the capture was replayed to its end); never for the
     *         synthetic market.
     */
    public boolean feedEnded()
    {
        return null != feed && feed.ended();
    }

    /**
     * Stops the Binance feed handler's thread (the market stops moving) and says what it saw.
     *
     * @return one line of the handler's counters (connects, messages, snapshots, gaps, frames published), or null for
     *         the synthetic market.
     */
    public String stopFeed()
    {
        if (null == feed)
        {
            return null;
        }
        feed.close();
        return feed.summary();
    }

    /**
     * @return the running daemon.
     */
    public Daemon daemon()
    {
        return daemon;
    }

    /**
     * @return the running exchange.
     */
    public SimulatedExchange exchange()
    {
        return exchange;
    }

    /**
     * @return the FIX acceptor in front of the exchange, or null when orders go over Aeron.
     */
    public FixVenue fixVenue()
    {
        return fixVenue;
    }

    /**
     * @return true once the exchange, the FIX venue, the feed handler or a daemon agent raised an error: the demo
     *         should stop.
     */
    public boolean hasFailed()
    {
        return null != exchange.firstError() || null != daemon.firstError() ||
            (null != fixVenue && null != fixVenue.firstError()) || null != feedError();
    }

    /**
     * @return the first error of the Binance feed handler's thread, or null (always for the synthetic market).
     */
    public Throwable feedError()
    {
        return null == feed ? null : feed.firstError();
    }

    private static long stepUnits(final BigDecimal step)
    {
        final BigDecimal stripped = step.stripTrailingZeros();
        return stripped.scale() > 0 ? stripped.unscaledValue().longValueExact() : stripped.longValueExact();
    }

    private static int exponent(final BigDecimal step)
    {
        return -Math.max(0, step.stripTrailingZeros().scale());
    }

    private static int freeLoopbackPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops the daemon gracefully (cancel everything, wait for the venue, complete the journal) while the exchange
     * still answers.
     *
     * @return true when every order was confirmed cancelled.
     */
    public boolean shutdown()
    {
        return daemon.shutdown();
    }

    /**
     * Closes the feed handler, the daemon (which logs out of FIX), the FIX venue, the exchange, then the driver.
     */
    public void close()
    {
        CloseHelper.quietClose(feed);
        CloseHelper.quietClose(daemon);
        CloseHelper.quietClose(fixVenue);
        CloseHelper.quietClose(exchange);
        CloseHelper.quietClose(transport);
    }
}
