package io.ticklane.cli;

import com.sun.management.ThreadMXBean;
import io.ticklane.cockpit.CockpitContext;
import io.ticklane.cockpit.CockpitServer;
import io.ticklane.cockpit.alert.AlertMonitor;
import io.ticklane.cockpit.alert.AlertRules;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zero allocation in steady state across the whole trading thread: in the one-thread layout one thread runs the
 * receiver (Aeron poll, slot copy, stamping, timer ticks), the trading pipeline (book, factors, quoter, quote
 * manager, risk, encode), the order sender (Aeron offer, latency recording, heartbeats) and the Chronicle Queue
 * journal, with every pipeline stage timed (and, over FIX, Artio's library poll, the FIX encoding and mapping). While a
 * venue streams market data and answers orders, that thread's allocated bytes are read over
 * windows of inbound frames; after warm-up one window must be exactly zero (a JIT deoptimisation under a loaded
 * machine can allocate once, so up to three windows are tried).
 */
class DaemonAllocationTest
{
    private static final int WARM_UP_FRAMES = 200_000;
    private static final int WINDOW_FRAMES = 100_000;
    /**
     * Windows tried until one allocates nothing: on the shared CI machine, right after the kill -9 loop, the FIX
     * daemon once allocated 96, 24 and 576 bytes in three windows of 100,000 frames (sporadic bytes, no steady
     * per-frame allocation, which would show as megabytes); six windows give a loaded JIT time to settle.
     */
    private static final int ATTEMPTS = 6;

    @TempDir
    Path tmp;

    @Test
    void theOneThreadDaemonAllocatesNothingInSteadyState() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Daemon daemon = Daemon.start(config(tmp, aeronDir), null, new OffsetEpochNanoClock());
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir))
        {
            assertSteadyStateAllocatesNothing(daemon, venue);
        }
        finally
        {
            daemon.shutdown();
        }
        assertEquals(null, daemon.firstError());
    }

    /**
     * The same with the operator's tools attached as in production: {@code ticklane cockpit}'s server (its counters
     * sampling, journal tail, live page and {@code /metrics}, scraped all along) and its alert monitor. They read
     * the daemon's counters file and journal from threads of their own; the daemon's thread must not notice.
     */
    @Test
    void theOneThreadDaemonAllocatesNothingWithACockpitWatching() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Daemon daemon = Daemon.start(config(tmp, aeronDir), null, new OffsetEpochNanoClock());
        final AtomicBoolean scraping = new AtomicBoolean(true);
        final AtomicLong scrapes = new AtomicLong();
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir);
            CockpitServer cockpit = CockpitServer.start(new CockpitContext().port(0).aeronDir(aeronDir).runs(tmp.resolve("runs")));
            AlertMonitor alerts = new AlertMonitor(Path.of(aeronDir), AlertRules.load(null, List.of("alert.poll_ms=50")),
                (line) ->
                {
                }, System::currentTimeMillis).start())
        {
            final HttpClient client = HttpClient.newHttpClient();
            final Thread scraper = new Thread(() ->
            {
                while (scraping.get())
                {
                    try
                    {
                        final HttpResponse<String> metrics = client.send(
                            HttpRequest.newBuilder(URI.create(cockpit.url() + "metrics")).build(), HttpResponse.BodyHandlers.ofString());
                        if (200 == metrics.statusCode() && metrics.body().contains("ticklane_daemon_up 1"))
                        {
                            scrapes.incrementAndGet();
                        }
                        Thread.sleep(20);
                    }
                    catch (final IOException | InterruptedException ex)
                    {
                        return;
                    }
                }
            }, "metrics-scraper");
            scraper.start();
            // scraped from before the measurement starts, and still during it (a fixed count flaked when the windows
            // were quick: 10 scrapes, not more than 10)
            await("the cockpit serving the daemon's metrics", 30_000, () -> scrapes.get() >= 3);
            final long scrapesBefore = scrapes.get();
            assertSteadyStateAllocatesNothing(daemon, venue);
            final long scrapesDuring = scrapes.get() - scrapesBefore;
            scraping.set(false);
            scraper.join(5_000);
            assertTrue(scrapesDuring > 0, "the cockpit served the running daemon's metrics during the measurement: " +
                scrapesDuring + " scrape(s)");
        }
        finally
        {
            scraping.set(false);
            daemon.shutdown();
        }
        assertEquals(null, daemon.firstError());
    }

    static DaemonConfig config(final Path tmp, final String aeronDir, final String... extra) throws Exception
    {
        final Path file = tmp.resolve("daemon.properties");
        Files.writeString(file, "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\nrisk.max_orders_per_second=1000000\n" +
            "risk.max_cancels_per_second=1000000\nquotes.max_orders_per_second=1000000\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n");
        final List<String> settings = new ArrayList<>(List.of("daemon.run_dir=" + tmp.resolve("runs"),
            "transport.aeron_dir=" + aeronDir, "daemon.idle=busy-spin", "daemon.timer_interval_ms=1",
            "daemon.stage_latency=true", "daemon.admin_token_file=" + tmp.resolve("admin.token")));
        settings.addAll(List.of(extra));
        return DaemonConfig.load(file, settings, tmp);
    }

    static void assertSteadyStateAllocatesNothing(final Daemon daemon, final ScriptedVenue venue) throws Exception
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        venue.definitionAndSnapshot(999, 1001);
        await("two-sided quotes", 30_000, () -> null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));
        // every thread the daemon runs agents on: the one daemon thread, and the FIX session's when over FIX
        final long[] agentThreads = daemon.agentThreads().stream().mapToLong(Thread::getId).toArray();
        final DaemonCounters counters = daemon.counters();

        stream(venue, counters, WARM_UP_FRAMES);
        final long[] windows = new long[ATTEMPTS];
        Arrays.fill(windows, -1);
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long before = allocated(threads, agentThreads);
            final long ordersBefore = counters.counter(DaemonCounters.ORDERS_REPLACE) +
                counters.counter(DaemonCounters.ORDERS_NEW);
            stream(venue, counters, WINDOW_FRAMES);
            windows[i] = allocated(threads, agentThreads) - before;
            assertTrue(counters.counter(DaemonCounters.ORDERS_REPLACE) + counters.counter(DaemonCounters.ORDERS_NEW) >
                ordersBefore, "the window must requote, or it proves nothing");
        }
        assertTrue(daemon.stageLatencies().inProcessInterval(null).getTotalCount() > 0, "stages were timed");
        assertTrue(Arrays.stream(windows).anyMatch((w) -> 0 == w),
            "bytes allocated by the daemon's " + agentThreads.length + " agent thread(s) per window of " + WINDOW_FRAMES +
            " frames: " + Arrays.toString(windows));
    }

    private static long allocated(final ThreadMXBean threads, final long[] threadIds)
    {
        long total = 0;
        for (final long allocated : threads.getThreadAllocatedBytes(threadIds))
        {
            total += allocated;
        }
        return total;
    }

    /**
     * Moves the touch back and forth so every update makes the strategy requote, and waits until the daemon has
     * taken the frames in (market data plus the venue's answers).
     */
    private static void stream(final ScriptedVenue venue, final DaemonCounters counters, final int frames)
        throws InterruptedException
    {
        final long target = counters.counter(DaemonCounters.INBOUND_FRAMES) + frames;
        boolean up = true;
        while (counters.counter(DaemonCounters.INBOUND_FRAMES) < target)
        {
            if (up)
            {
                venue.touch(999, 1001, 1000, 1002);
            }
            else
            {
                venue.touch(1000, 1002, 999, 1001);
            }
            up = !up;
        }
        await("daemon idle", 10_000, () -> 0 == counters.counter(DaemonCounters.JOURNAL_RECORDS) ||
            counters.counter(DaemonCounters.INBOUND_FRAMES) >= target);
    }
}
