package io.ticklane.runtime.demo;

import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.sim.exchange.SimulatedExchange;
import io.ticklane.gateway.sim.exchange.SimulatedExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.transport.Transport;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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

    private final DaemonConfig config;
    private Transport transport;
    private SimulatedExchange exchange;
    private FixVenue fixVenue;
    private Daemon daemon;

    private LiveDemo(final DaemonConfig config)
    {
        this.config = config;
    }

    /**
     * Creates the session directory, launches the driver, starts the exchange and then the daemon.
     *
     * @param context settings; concluded here.
     * @return the running demo.
     * @throws IOException if a directory cannot be created or the daemon cannot start its journal.
     */
    public static LiveDemo start(final LiveDemoContext context) throws IOException
    {
        context.conclude();
        final Path base = context.runsDirectory().toAbsolutePath().resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(base);
        final SyntheticMarketContext market = new SyntheticMarketContext()
            .seed(context.seed()).eventsPerSecond(context.eventsPerSecond()).conclude();
        final String aeronDir = Files.createTempDirectory("ticklane-demo-aeron").toString();
        final List<String> settings = new ArrayList<>(List.of(
            "instrument.id=" + market.instrumentId(),
            "quoter=" + context.quoter(),
            "daemon.admin_token_file=" + base.resolve("admin.token"), "risk.max_order_quantity=10", "risk.max_position=20",
            "risk.max_notional=100000000000", "risk.price_collar_ticks=50", "risk.venue_silence_ms=1000",
            "daemon.run_dir=" + base.resolve("runs"), "daemon.idle=" + context.idle(),
            "daemon.instrument_symbol=" + market.symbol(),
            "daemon.instrument_tick_size=" + market.priceUnitsPerTick(),
            "daemon.instrument_lot_size=" + market.lotSize(),
            "daemon.instrument_price_exponent=" + market.priceExponent(),
            "daemon.instrument_quantity_exponent=" + market.quantityExponent(),
            "transport.aeron_dir=" + aeronDir));
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
        final LiveDemo demo = new LiveDemo(config);
        try
        {
            demo.transport = Transport.launch(config.transportContext());
            demo.exchange = SimulatedExchange.launch(new SimulatedExchangeContext()
                .transport(demo.transport)
                .syntheticMarket(market)
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
     * @return true once the exchange, the FIX venue or a daemon agent raised an error: the demo should stop.
     */
    public boolean hasFailed()
    {
        return null != exchange.firstError() || null != daemon.firstError() ||
            (null != fixVenue && null != fixVenue.firstError());
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
     * Closes the daemon (which logs out of FIX), the FIX venue, the exchange, then the driver.
     */
    public void close()
    {
        CloseHelper.quietClose(daemon);
        CloseHelper.quietClose(fixVenue);
        CloseHelper.quietClose(exchange);
        CloseHelper.quietClose(transport);
    }
}
