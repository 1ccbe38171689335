package io.ticklane.runtime.daemon;

import io.ticklane.gateway.sim.exchange.ExchangeAgent;
import io.ticklane.gateway.sim.exchange.ExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarket;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real thing for a daemon test in this package: a media driver embedded in a temporary directory and the
 * simulated exchange (a synthetic market, a matching venue) on it, in its own thread; the daemon joins the same
 * driver. Its settings quote one lot a side near the touch of the synthetic market.
 */
final class VenueFixture implements AutoCloseable
{

    final Path dir;
    final Transport transport;
    final ExchangeAgent exchange;
    private final AgentRunner runner;

    VenueFixture(final Path dir)
    {
        this.dir = dir;
        transport = Transport.launch(new TransportContext().aeronDirectoryName(dir.resolve("aeron").toString()));
        final SyntheticMarketContext market = new SyntheticMarketContext().seed(11).eventsPerSecond(2_000).conclude();
        ExchangeAgent agent = null;
        try
        {
            agent = new ExchangeAgent(new ExchangeContext()
                .flow(new SyntheticMarket(market))
                .venueContext(new VenueContext().instrumentId(market.instrumentId())
                    .priceUnitsPerTick(market.priceUnitsPerTick()).queueModel("prob-power:2"))
                .clock(new OffsetEpochNanoClock()).conclude(), transport);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(transport);
            throw ex;
        }
        exchange = agent;
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, exchange);
        AgentRunner.startOnThread(runner);
    }

    /**
     * @param settings extra {@code key=value} settings.
     * @return the daemon's configuration: this driver, a run directory in the test's directory.
     */
    DaemonConfig config(final String... settings) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("daemon.properties"),
            "daemon.admin_token_file=" + dir.resolve("admin.token") + "\nrisk.max_order_quantity=10\nrisk.max_position=50\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=50\n" +
            "quoter=glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)\n" +
            "transport.aeron_dir=" + dir.resolve("aeron") + "\ndaemon.run_dir=" + dir.resolve("runs") + "\n" +
            "daemon.idle=sleeping\n");
        return DaemonConfig.load(file, List.of(settings), dir);
    }

    static void await(final String what, final long timeoutMs, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    public void close()
    {
        CloseHelper.closeAll(runner, transport);
    }
}
