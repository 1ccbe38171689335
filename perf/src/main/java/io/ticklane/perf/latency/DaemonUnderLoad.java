package io.ticklane.perf.latency;

import io.aeron.Publication;
import io.aeron.Subscription;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon quoting against a {@link LoadGenerator} on one media driver over IPC, started and quoting: what
 * every harness that drives the daemon at a fixed rate (tick-to-quote, soak) shares, so the daemon's settings and
 * the start-up handshake (book, order status answer, first quotes) live once. Closing stops the daemon while the
 * generator still answers, so its cancels are confirmed, then the generator.
 */
public final class DaemonUnderLoad implements AutoCloseable
{
    private final Daemon daemon;
    private final LoadGenerator generator;
    private final AgentRunner runner;
    private final Publication marketData;
    private final Publication reports;
    private final Subscription orders;

    private DaemonUnderLoad(
        final Daemon daemon,
        final LoadGenerator generator,
        final AgentRunner runner,
        final Publication marketData,
        final Publication reports,
        final Subscription orders)
    {
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
        final TransportContext channels = transport.context();
        final Daemon daemon = Daemon.start(config, transport, clock);
        final Publication marketData = transport.aeron().addExclusivePublication(
            channels.marketDataChannel(), channels.marketDataStreamId());
        final Publication reports = transport.aeron().addExclusivePublication(
            channels.reportChannel(), channels.reportStreamId());
        final Subscription orders = transport.aeron().addSubscription(channels.orderChannel(), channels.orderStreamId());
        final LoadGenerator generator = new LoadGenerator(marketData, reports, orders, clock, rate).fillEvery(fillEvery);
        final AgentRunner runner = new AgentRunner(IdleStrategies.create(idle), onError, null, generator);
        final DaemonUnderLoad started = new DaemonUnderLoad(daemon, generator, runner, marketData, reports, orders);
        try
        {
            awaitConnected(marketData, orders);
            while (!generator.publishSnapshot())
            {
                Thread.sleep(1);
            }
            AgentRunner.startOnThread(runner); // it answers the daemon's order status request, then its quotes
            final DaemonCounters counters = daemon.counters();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (counters.counter(DaemonCounters.ORDERS_NEW) < 2)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("the daemon did not quote within 10 s of the first book");
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
     * Stops the daemon (its cancels answered by the generator), then the generator.
     */
    public void close()
    {
        try
        {
            daemon.shutdown();
        }
        finally
        {
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
