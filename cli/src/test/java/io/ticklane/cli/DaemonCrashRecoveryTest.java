package io.ticklane.cli;

import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.gateway.sim.exchange.ExchangeAgent;
import io.ticklane.gateway.sim.exchange.ExchangeContext;
import io.ticklane.gateway.sim.exchange.SyntheticMarket;
import io.ticklane.gateway.sim.exchange.SyntheticMarketContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Daemon and venue as two processes, and a crash: the venue (simulated exchange on its own embedded media driver)
 * runs in this JVM; {@code ticklane daemon} runs as a child process joining that driver. The daemon trades, is killed
 * with {@code kill -9} while its quotes rest at the venue (which may fill them while it is down), and is started
 * again: it restores its checkpoint, replays its journal's tail, reconciles its orders with the venue and quotes
 * again. After a STOP, its position equals the venue's (every fill the venue reported), neither side has an open
 * order, and the journal holds every record it had written before the kill. A start after a clean stop begins a
 * new run with the position carried over, still stopped until an operator's RESUME.
 */
class DaemonCrashRecoveryTest
{
    @TempDir
    Path tmp;

    @Test
    void aKilledDaemonRestartsConsistentWithTheVenueAndLosesNothingJournaled() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Path config = Files.writeString(tmp.resolve("daemon.properties"),
            "risk.max_order_quantity=10\nrisk.max_position=50\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=50\n" +
            "quoter=glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)\n" +
            "transport.embedded_driver=false\ntransport.aeron_dir=" + aeronDir + "\n" +
            "daemon.run_dir=" + tmp.resolve("runs") + "\ndaemon.idle=sleeping\n" +
            "daemon.admin_token_file=" + tmp.resolve("admin.token") + "\n");
        final String token = tmp.resolve("admin.token").toString(); // the daemon makes it at its first start
        final SyntheticMarketContext market = new SyntheticMarketContext().seed(7).eventsPerSecond(2_000).conclude();
        final VenueFills venueFills = new VenueFills();
        Transport transport = null;
        AgentRunner venue = null;
        Process daemon = null;
        try
        {
            transport = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir));
            final ExchangeAgent exchange = new ExchangeAgent(new ExchangeContext()
                .flow(new SyntheticMarket(market))
                .venueContext(new VenueContext().instrumentId(market.instrumentId())
                    .priceUnitsPerTick(market.priceUnitsPerTick()).queueModel("prob-power:2"))
                .clock(new OffsetEpochNanoClock()).conclude(), transport);
            venue = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, exchange);
            AgentRunner.startOnThread(venue);
            // the venue's truth: every fill it reports, tapped from the report stream
            final Subscription reports = transport.subscription("aeron:ipc", TransportContext.DEFAULT_REPORT_STREAM_ID);
            final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));

            // a first daemon trades until it has fills and quotes resting
            final List<String> first = new CopyOnWriteArrayList<>();
            daemon = startDaemon(config, first);
            await("first daemon filled and quoting", 60_000, first, () ->
            {
                venueFills.poll(reports);
                if (first.stream().noneMatch((l) -> l.startsWith("daemon state=")))
                {
                    return false; // its counters file is made at start
                }
                final Map<String, Long> values = counters.read();
                return values.getOrDefault(DaemonCounters.FILLS, 0L) >= 3 &&
                    values.getOrDefault(DaemonCounters.OPEN_ORDERS, 0L) >= 1;
            });
            final long journalRecordsBeforeKill = counters.value(DaemonCounters.JOURNAL_RECORDS);

            // kill -9
            daemon.destroyForcibly();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
            final Path run = onlyRun(tmp.resolve("runs"));
            try (JournalReader reader = JournalReader.open(run.resolve("journal"), true))
            {
                final long records = reader.readAll((direction, stream, time, buffer, offset, length) -> { });
                assertTrue(records >= journalRecordsBeforeKill, "journaled before the kill: " + journalRecordsBeforeKill +
                    ", found after it: " + records);
                assertTrue(!reader.isComplete(), "a killed daemon never wrote the trailer");
            }
            final long pause = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < pause) // the venue keeps trading; resting quotes may fill meanwhile
            {
                venueFills.poll(reports);
                Thread.sleep(5);
            }

            // the restart: restored, tail replayed, reconciled, quoting again
            final List<String> second = new CopyOnWriteArrayList<>();
            daemon = startDaemon(config, second);
            await("restarted daemon reconciled and quoting", 60_000, second, () ->
            {
                venueFills.poll(reports);
                if (second.stream().noneMatch((l) -> l.startsWith("daemon state=")))
                {
                    return false; // until it has started, the counters file is the killed daemon's
                }
                final Map<String, Long> values = counters.read();
                return values.getOrDefault(DaemonCounters.RECONCILED, 0L) == 1 &&
                    values.getOrDefault(DaemonCounters.ORDERS_NEW, 0L) + values.getOrDefault(DaemonCounters.ORDERS_REPLACE, 0L) > 0;
            });
            assertTrue(second.stream().anyMatch((l) -> l.contains("restored run 1 at inbound record") &&
                l.contains("the run crashed: its journal continues")), second.toString());

            // STOP: afterwards nothing is open on either side and both agree on the position
            final CliRun stop = CliRun.run("admin", "stop", "--token-file", token, "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.OK, stop.exitCode, stop.toString());
            await("stopped and flat on orders", 30_000, second, () ->
            {
                venueFills.poll(reports);
                return counters.value(DaemonCounters.OPEN_ORDERS) == 0 && exchange.counters().liveOrders() == 0;
            });
            final long settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < settle)
            {
                venueFills.poll(reports);
                Thread.sleep(5);
            }
            assertTrue(venueFills.fills.get() >= 3, "fills seen at the venue: " + venueFills.fills);
            assertEquals(venueFills.position.get(), counters.value(DaemonCounters.POSITION),
                "daemon position vs the venue's fills (" + venueFills.fills + " fills)\\n" + second);

            daemon.toHandle().destroy(); // SIGTERM: graceful
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), second.toString());
            try (JournalReader reader = JournalReader.open(run.resolve("journal")))
            {
                assertTrue(reader.isComplete(), "the continued journal is completed by the clean stop");
            }

            // a start after a clean stop: a new run, the position carried over, still stopped until RESUME
            final List<String> third = new CopyOnWriteArrayList<>();
            daemon = startDaemon(config, third);
            await("third daemon started", 60_000, third, () -> third.stream().anyMatch((l) -> l.startsWith("daemon state=")));
            assertTrue(third.stream().anyMatch((l) -> l.contains("the run had stopped cleanly: a new run begins") &&
                l.contains("position " + venueFills.position.get() + ", mode HALTED (OPERATOR_STOP)")), third.toString());
            try
            {
                await("reconciled", 30_000, third, () -> counters.value(DaemonCounters.RECONCILED) == 1);
            }
            catch (final AssertionError ex)
            {
                throw new AssertionError(ex.getMessage() + "\ndaemon counters " + counters.read() + "\nvenue: status requests " +
                    exchange.counters().statusRequests() + ", orders received " + exchange.counters().ordersReceived() +
                    ", frames without subscriber " + exchange.counters().framesWithoutSubscriber() + ", reports published " +
                    exchange.counters().reportsPublished(), ex);
            }
            // a RESUME before the new run has a book is refused (stale data is a breach), and admin says so
            await("a two-sided book in the new run", 30_000, third, () ->
                counters.value(DaemonCounters.BEST_BID) > 0 && counters.value(DaemonCounters.BEST_ASK) > 0);
            final CliRun resume = CliRun.run("admin", "resume", "--token-file", token, "--aeron-dir", aeronDir);
            assertEquals(ExitCodes.OK, resume.exitCode, resume.toString());
            await("quoting after RESUME", 30_000, third, () -> counters.value(DaemonCounters.ORDERS_NEW) > 0);
            daemon.toHandle().destroy();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), third.toString());
            CloseHelper.quietClose(reports);
        }
        finally
        {
            if (null != daemon)
            {
                daemon.destroyForcibly();
                daemon.waitFor(10, TimeUnit.SECONDS);
            }
            CloseHelper.quietClose(venue);
            CloseHelper.quietClose(transport);
        }
    }

    private static Process startDaemon(final Path config, final List<String> lines) throws IOException
    {
        return ChildJvm.ticklane(lines, "daemon", "--config", config.toString(), "--quiet");
    }

    private static Path onlyRun(final Path runs) throws IOException
    {
        try (Stream<Path> entries = Files.list(runs))
        {
            final List<Path> dirs = entries.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    private static void await(final String what, final long timeoutMs, final List<String> output,
        final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for: " + what + "\n" + String.join("\n", output));
            }
            Thread.sleep(10);
        }
    }

    /**
     * Net position from the venue's fill reports.
     */
    private static final class VenueFills implements FragmentHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final AtomicLong position = new AtomicLong();
        final AtomicLong fills = new AtomicLong();

        void poll(final Subscription subscription)
        {
            while (subscription.poll(this, 64) > 0)
            {
                Thread.onSpinWait();
            }
        }

        public void onFragment(final org.agrona.DirectBuffer buffer, final int offset, final int length,
            final io.aeron.logbuffer.Header h)
        {
            if (ExecutionReportDecoder.TEMPLATE_ID != header.wrap(buffer, offset).templateId())
            {
                return;
            }
            report.wrapAndApplyHeader(buffer, offset, header);
            if (ExecType.FILL == report.execType() || ExecType.PARTIAL_FILL == report.execType())
            {
                fills.incrementAndGet();
                position.addAndGet(Side.BUY == report.side() ? report.lastQuantity() : -report.lastQuantity());
            }
        }
    }
}
