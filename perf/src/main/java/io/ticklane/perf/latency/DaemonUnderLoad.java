package io.ticklane.perf.latency;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.IdleStrategies;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon quoting against a {@link LoadGenerator} on one media driver over IPC, started and quoting: what
 * every harness that drives the daemon at a fixed rate (tick-to-quote, soak) shares, so the daemon's settings and
 * the start-up handshake (book, order status answer, first quotes) live once. Closing stops the daemon while the
 * generator still answers, so its cancels are confirmed, then the generator.
 * <p>
 * With a {@link FixFront} the daemon sends its orders over FIX 4.4 ({@code gateway.orders=fix}: its Artio
 * initiator) to the QuickFIX/J acceptor of {@link FixVenue} on loopback TCP, which hands them, as SBE orders on the
 * order stream, to the same generator: the generator answers exactly as on the Aeron path, and the venue turns its
 * answers into FIX ExecutionReports. Only the order path differs.
 */
public final class DaemonUnderLoad implements AutoCloseable
{
    private static final String DAEMON_COMP_ID = "TICKLANE";
    private static final String VENUE_COMP_ID = "VENUE";
    private static final String FIX_USER = "perf";
    private static final String FIX_PASSWORD = "perf-loopback";

    /**
     * Where a FIX run's daemon finds its venue: a free loopback port, the password file and the {@code fix.*}
     * settings that point the daemon's initiator at the acceptor {@link #start} puts there.
     *
     * @param port     the acceptor's TCP port on 127.0.0.1.
     * @param settings {@code gateway.orders=fix} and the {@code fix.*} keys, for {@link #config}.
     */
    public record FixFront(int port, List<String> settings)
    {
        /**
         * @param dir where the password file and the session's store (sequence numbers, archive) go; a fresh
         *            directory per daemon start, since the acceptor's sequence numbers start at one.
         * @return the settings.
         * @throws IOException if the password file cannot be written or no port is free.
         */
        public static FixFront in(final Path dir) throws IOException
        {
            Files.createDirectories(dir);
            final Path passwordFile = dir.resolve("fix.password");
            Files.writeString(passwordFile, FIX_PASSWORD + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            final int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
            {
                port = socket.getLocalPort();
            }
            return new FixFront(port, List.of("gateway.orders=fix", "fix.port=" + port,
                "fix.sender_comp_id=" + DAEMON_COMP_ID, "fix.target_comp_id=" + VENUE_COMP_ID, "fix.username=" + FIX_USER,
                "fix.password_file=" + passwordFile, "fix.store_dir=" + dir.resolve("fix-store"),
                "fix.symbol=" + LoadGenerator.SYMBOL));
        }
    }

    private final Daemon daemon;
    private final LoadGenerator generator;
    private final AgentRunner runner;
    private final Publication marketData;
    private final Publication reports;
    private final Subscription orders;
    private final FixVenue fixVenue;

    private DaemonUnderLoad(
        final Daemon daemon,
        final LoadGenerator generator,
        final AgentRunner runner,
        final Publication marketData,
        final Publication reports,
        final Subscription orders,
        final FixVenue fixVenue)
    {
        this.fixVenue = fixVenue;
        this.daemon = daemon;
        this.generator = generator;
        this.runner = runner;
        this.marketData = marketData;
        this.reports = reports;
        this.orders = orders;
    }

    /**
     * The daemon's settings under load: limits far above anything the generator causes, so risk never throttles the
     * measurement; latency measured from the generator's planned send times (exchange time); files under {@code out}.
     *
     * @param out    directory for the daemon's runs and the media driver.
     * @param layout daemon layout: one-thread or threads.
     * @param idle   idle strategy of every agent.
     * @param extra  further {@code key=value} settings.
     * @return the validated configuration.
     * @throws IOException if a referenced file cannot be read.
     */
    public static DaemonConfig config(final Path out, final String layout, final String idle, final List<String> extra)
        throws IOException
    {
        // the rate limits' windows hold one long per order allowed in a second: a million a second is far above what
        // the daemon can send and costs 32 MiB of heap (10^8 cost 1.6 GiB, and a soak would report it as the daemon's)
        final List<String> settings = new ArrayList<>(List.of(
            "daemon.admin_token_file=" + out.resolve("admin.token"),
            "risk.max_order_quantity=1000", "risk.max_notional=100000000000", "risk.price_collar_ticks=1000",
            "risk.stale_market_data_ms=60000", "risk.max_orders_per_second=1000000",
            "risk.max_cancels_per_second=1000000", "quotes.max_orders_per_second=1000000",
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)",
            "daemon.run_dir=" + out.resolve("runs"), "daemon.layout=" + layout, "daemon.idle=" + idle,
            "daemon.latency_origin=exchange_time",
            "transport.aeron_dir=" + out.resolve("aeron").toAbsolutePath()));
        settings.addAll(extra);
        return DaemonConfig.load(null, settings, out);
    }

    /**
     * Starts the daemon and the generator, publishes the book and waits until the daemon quotes both sides. The
     * generator then runs on its own thread but sends no updates until {@link #runSchedule} or
     * {@link LoadGenerator#startSchedule}.
     *
     * @param config    from {@link #config}.
     * @param transport the media driver and client, launched from {@code config}.
     * @param clock     the clock both sides stamp with.
     * @param rate      updates per second.
     * @param fillEvery orders acknowledged per fill ({@link LoadGenerator#fillEvery}), 0 for none.
     * @param idle      idle strategy of the generator.
     * @param onError   told of a generator failure.
     * @return the running pair.
     * @throws IOException          if the daemon cannot make its run directory.
     * @throws InterruptedException if interrupted.
     */
    public static DaemonUnderLoad start(
        final DaemonConfig config,
        final Transport transport,
        final EpochNanoClock clock,
        final double rate,
        final int fillEvery,
        final String idle,
        final ErrorHandler onError) throws IOException, InterruptedException
    {
        return start(config, null, transport, clock, rate, fillEvery, idle, onError);
    }

    /**
     * As {@link #start(DaemonConfig, Transport, EpochNanoClock, double, int, String, ErrorHandler)}, the daemon's
     * orders going over FIX when {@code fix} is given (its settings must be in {@code config}): the acceptor is
     * listening before the daemon starts, and the daemon is quoting only once its session logged on and it
     * reconciled through the acceptor.
     *
     * @param config    from {@link #config}, with {@code fix.settings()} when {@code fix} is not null.
     * @param fix       the FIX front, or null for orders over Aeron.
     * @param transport the media driver and client, launched from {@code config}.
     * @param clock     the clock both sides stamp with.
     * @param rate      updates per second.
     * @param fillEvery orders acknowledged per fill ({@link LoadGenerator#fillEvery}), 0 for none.
     * @param idle      idle strategy of the generator.
     * @param onError   told of a generator failure.
     * @return the running pair.
     * @throws IOException          if the daemon cannot make its run directory.
     * @throws InterruptedException if interrupted.
     */
    public static DaemonUnderLoad start(
        final DaemonConfig config,
        final FixFront fix,
        final Transport transport,
        final EpochNanoClock clock,
        final double rate,
        final int fillEvery,
        final String idle,
        final ErrorHandler onError) throws IOException, InterruptedException
    {
        if ((null == fix) != (null == config.fixSession()))
        {
            throw new IllegalArgumentException("a FIX front needs gateway.orders=fix and the reverse");
        }
        final TransportContext channels = transport.context();
        final Publication marketData = transport.aeron().addExclusivePublication(
            channels.marketDataChannel(), channels.marketDataStreamId());
        final Publication reports = transport.aeron().addExclusivePublication(
            channels.reportChannel(), channels.reportStreamId());
        final Subscription orders = transport.aeron().addSubscription(channels.orderChannel(), channels.orderStreamId());
        final LoadGenerator generator = new LoadGenerator(marketData, reports, orders, clock, rate).fillEvery(fillEvery);
        final AgentRunner runner = new AgentRunner(IdleStrategies.create(idle), onError, null, generator);
        FixVenue venue = null;
        Daemon daemon = null;
        try
        {
            if (null != fix)
            {
                // the acceptor's order and report streams are the generator's: it answers FIX orders as it answers SBE
                venue = FixVenue.launch(new FixVenueConfig(VENUE_COMP_ID, DAEMON_COMP_ID, FIX_USER, FIX_PASSWORD,
                    new BigDecimal("0.01"), BigDecimal.ONE, null, null), fix.port(), transport,
                    LoadGenerator.INSTRUMENT_ID, LoadGenerator.SYMBOL, clock);
            }
            daemon = Daemon.start(config, transport, clock);
        }
        catch (final RuntimeException | IOException ex)
        {
            CloseHelper.quietCloseAll(venue, marketData, reports, orders);
            throw ex;
        }
        final DaemonUnderLoad started = new DaemonUnderLoad(daemon, generator, runner, marketData, reports, orders, venue);
        try
        {
            awaitConnected(marketData, orders);
            while (!generator.publishSnapshot())
            {
                Thread.sleep(1);
            }
            AgentRunner.startOnThread(runner); // it answers the daemon's order status request, then its quotes
            final DaemonCounters counters = daemon.counters();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(null == fix ? 10 : 30);
            while (counters.counter(DaemonCounters.ORDERS_NEW) < 2)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("the daemon did not quote within " +
                        (null == fix ? "10 s of the first book" : "30 s of the first book over FIX") + "; halt: " +
                        daemon.haltReason() + ", error: " + daemon.firstError());
                }
                Thread.sleep(1);
            }
            return started;
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            started.close();
            throw ex;
        }
    }

    /**
     * @return the daemon.
     */
    public Daemon daemon()
    {
        return daemon;
    }

    /**
     * @return the generator (its schedule is started from here; it runs on {@link #generatorThread()}).
     */
    public LoadGenerator generator()
    {
        return generator;
    }

    /**
     * @return the generator's thread.
     */
    public Thread generatorThread()
    {
        return runner.thread();
    }

    /**
     * Runs the generator's fixed-rate schedule and returns when it has sent its last update.
     *
     * @param durationNs how long.
     * @throws InterruptedException if interrupted.
     */
    public void runSchedule(final long durationNs) throws InterruptedException
    {
        generator.startSchedule(durationNs);
        while (generator.running())
        {
            Thread.sleep(10);
        }
    }

    /**
     * @return the FIX acceptor in front of the generator, or null when orders go over Aeron.
     */
    public FixVenue fixVenue()
    {
        return fixVenue;
    }

    /**
     * Stops the daemon (its cancels answered by the generator), then the FIX acceptor if any, then the generator.
     */
    public void close()
    {
        try
        {
            daemon.shutdown();
        }
        finally
        {
            CloseHelper.quietClose(fixVenue); // after the daemon's logout, before the generator that answers it
            CloseHelper.quietClose(runner);
            CloseHelper.closeAll(marketData, reports, orders);
        }
    }

    /**
     * Waits up to 10 s until both ends of an IPC stream are connected.
     *
     * @param publication  the sending end.
     * @param subscription the receiving end.
     * @throws InterruptedException if interrupted.
     */
    public static void awaitConnected(final Publication publication, final Subscription subscription)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!publication.isConnected() || !subscription.isConnected())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("IPC streams did not connect in 10 s");
            }
            Thread.sleep(1);
        }
    }
}
