package io.ticklane.cli;

import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fault injection (issue 18, item 7): the venue disappears with orders open. A media driver runs in this JVM; the
 * venue ({@code ticklane venue --external-driver}) and the daemon are separate processes joining it. The venue is
 * killed with SIGKILL while the daemon has orders resting there. The daemon notices the silence and halts
 * (VENUE_SILENT) without wedging; a venue started again (which has lost every order: the simulated venue keeps
 * nothing across a restart) is asked for its orders before anything else reaches the daemon's strategy, the lost
 * orders are reconciled as dropped with no fill, and the daemon stays halted until an operator RESUME; its position
 * equals every fill either venue reported. Then the second venue is killed too, and a stop of the daemon while no
 * venue is there still ends it, with its journal complete.
 */
class DaemonVenueLossTest
{
    private static final String TOKEN = "venue-loss-operator-token";
    private static final long STEP_TIMEOUT_MS = 60_000;

    @TempDir
    Path tmp;

    private final List<String> daemonOutput = new CopyOnWriteArrayList<>();
    private final List<String> venueOutput = new CopyOnWriteArrayList<>();

    @Test
    void theVenueKilledWithOrdersOpenHaltsTheDaemonWhichReconcilesWithTheVenueThatComesBack() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final Path runs = tmp.resolve("runs");
        final Path config = Files.writeString(tmp.resolve("daemon.properties"),
            "daemon.admin_token_file=" + tokenFile() + "\nrisk.max_order_quantity=10\nrisk.max_position=100000\n" +
            "risk.max_notional=100000000000\nrisk.price_collar_ticks=50\nrisk.stale_market_data_ms=60000\n" +
            "risk.venue_silence_ms=500\n" +
            "quoter=glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)\n" +
            "transport.embedded_driver=false\ntransport.aeron_dir=" + aeronDir + "\n" +
            "daemon.run_dir=" + runs + "\ndaemon.idle=sleeping\n");
        Transport driver = null;
        VenueCountersProbe venueCounters = null;
        Process venue = null;
        Process daemon = null;
        final ReportTap tap = new ReportTap();
        try
        {
            driver = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir));
            tap.start(driver.subscription(TransportContext.DEFAULT_CHANNEL, TransportContext.DEFAULT_REPORT_STREAM_ID));
            venueCounters = new VenueCountersProbe(aeronDir);
            final VenueCountersProbe probe = venueCounters;
            final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));

            // given a daemon quoting at a venue, its orders resting there
            venue = startVenue(aeronDir);
            daemon = ChildJvm.ticklane(daemonOutput, "daemon", "--config", config.toString(), "--quiet");
            final Process running = daemon;
            await("the daemon started", () -> daemonOutput.stream().anyMatch((l) -> l.startsWith("daemon state=")), running);
            await("orders resting at the venue", () -> counters.value(DaemonCounters.OPEN_ORDERS) >= 1 &&
                probe.liveOrders() >= 1 && tap.fills.get() >= 1, running);

            // when the venue is killed
            venue.destroyForcibly();
            assertTrue(venue.waitFor(30, TimeUnit.SECONDS));

            // then the daemon halts for the silence, and it is not wedged: its trading thread still applies events
            await("halted: venue silent", () -> 2 == counters.value(DaemonCounters.MODE) &&
                ModeReason.VENUE_SILENT.ordinal() == counters.value(DaemonCounters.MODE_REASON), running);
            final long ordersSentWhenHalted =
                counters.value(DaemonCounters.ORDERS_NEW) + counters.value(DaemonCounters.ORDERS_REPLACE);
            final long ticks = counters.value("timer ticks");
            await("timer ticks go on", () -> counters.value("timer ticks") >= ticks + 3, running);

            // when a venue comes back (it kept none of the orders)
            venue = startVenue(aeronDir);
            await("reconciled with the restarted venue, halted until RESUME", () ->
                1 == counters.value(DaemonCounters.VENUE_RESTARTS) && probe.statusRequests() >= 1 &&
                1 == counters.value(DaemonCounters.RECONCILED) && 0 == counters.value(DaemonCounters.OPEN_ORDERS) &&
                ModeReason.OPERATOR_STOP.ordinal() == counters.value(DaemonCounters.MODE_REASON), running);

            // then no order was lost track of or sent meanwhile, and the position is every fill either venue reported
            assertEquals(2, counters.value(DaemonCounters.MODE), "HALTED");
            // the restarted venue may have been handed order frames the dead one never read (Aeron joins its
            // subscription where the dead one's stands): whatever it rests, the reconciliation adopts and the STOP
            // cancels, so nothing stays there
            await("no order left at the restarted venue", () -> 0 == probe.liveOrders(), running);
            assertEquals(ordersSentWhenHalted,
                counters.value(DaemonCounters.ORDERS_NEW) + counters.value(DaemonCounters.ORDERS_REPLACE),
                "new orders and replaces sent between the silence halt and a RESUME");
            // Every fill either venue reported is booked, or refused as a fill of an unknown order (an UNKNOWN_FILL
            // halt, counted): never silently lost. Known race (docs/decisions/daemon.md, "Venue restarts"): a fill the
            // dead venue published last can be taken after the restarted venue's answer has ended its order here; it
            // is then refused, and the position is short of it until an operator checks. Position equality holds
            // whenever no fill was refused.
            try
            {
                await("every venue fill booked or refused as unknown", () -> tap.fills.get() ==
                    counters.value(DaemonCounters.FILLS) + counters.value(DaemonCounters.FILLS_UNKNOWN_ORDER), running);
                if (0 == counters.value(DaemonCounters.FILLS_UNKNOWN_ORDER))
                {
                    await("the position published after the last report", () -> tap.position.get() ==
                        counters.value(DaemonCounters.POSITION), running);
                }
                else
                {
                    System.out.println("venue loss: the known race happened: " + counters.value(DaemonCounters.FILLS_UNKNOWN_ORDER) +
                        " fill(s) of the dead venue refused as unknown; tap position " + tap.position.get() + ", daemon " +
                        counters.value(DaemonCounters.POSITION));
                }
            }
            catch (final AssertionError ex)
            {
                throw new AssertionError(ex.getMessage() + "\ntap: position " + tap.position.get() + ", fills " + tap.fills.get() +
                    "\ndaemon counters " + counters.read(), ex);
            }

            // an operator RESUME quotes at the restarted venue
            await("a two-sided book from the restarted venue", () -> counters.value(DaemonCounters.BEST_BID) > 0 &&
                counters.value(DaemonCounters.BEST_ASK) > 0, running);
            final OperatorClient.Result resume = OperatorClient.send(aeronDir, TransportContext.DEFAULT_ADMIN_STREAM_ID,
                AdminCommandType.RESUME, 0, OperatorToken.fromFile(tokenFile()), STEP_TIMEOUT_MS);
            assertEquals(OperatorClient.Outcome.APPLIED, resume.outcome(), resume.toString());
            await("quoting at the restarted venue", () -> probe.liveOrders() >= 1, running);

            // when the venue goes away for good, a stop still ends the daemon and completes its journal
            venue.destroyForcibly();
            assertTrue(venue.waitFor(30, TimeUnit.SECONDS));
            await("halted: venue silent again", () ->
                ModeReason.VENUE_SILENT.ordinal() == counters.value(DaemonCounters.MODE_REASON), running);
            final long journaled = counters.value(DaemonCounters.JOURNAL_RECORDS);
            daemon.toHandle().destroy(); // SIGTERM
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon stops without a venue\n" + tail(daemonOutput));
            try (JournalReader reader = JournalReader.open(onlyRun(runs).resolve("journal")))
            {
                assertTrue(reader.isComplete(), "the stop completed the journal");
                final long records = reader.readAll((direction, stream, timeNs, buffer, offset, length) -> { });
                assertTrue(records >= journaled, "journaled before the stop: " + journaled + ", in the journal: " + records);
            }
        }
        finally
        {
            tap.stop();
            for (final Process process : new Process[]{daemon, venue})
            {
                if (null != process)
                {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            CloseHelper.quietCloseAll(venueCounters, driver);
        }
    }

    private Process startVenue(final String aeronDir) throws Exception
    {
        venueOutput.clear();
        final Process venue = ChildJvm.ticklane(venueOutput, "venue", "--aeron-dir", aeronDir, "--external-driver",
            "--rate", "2000", "--seed", "7", "--queue", "prob-power:2", "--idle", "sleeping", "--quiet");
        await("the venue up", () -> venueOutput.stream().anyMatch((l) -> l.startsWith("venue synthetic")), venue);
        return venue;
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

    private void await(final String what, final BooleanSupplier condition, final Process process)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (!process.isAlive())
            {
                fail("process exited (" + process.exitValue() + ") while waiting for: " + what + "\ndaemon:\n" +
                    tail(daemonOutput) + "\nvenue:\n" + tail(venueOutput));
            }
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out waiting for: " + what + "\ndaemon:\n" + tail(daemonOutput) + "\nvenue:\n" + tail(venueOutput));
            }
            Thread.sleep(10);
        }
    }

    private static String tail(final List<String> lines)
    {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Every fill any venue reported, tapped from the report stream on its own thread (so the tap never holds the
     * venue's publication back): the truth across venue restarts, since a restarted venue's own counters start at 0.
     */
    private static final class ReportTap implements FragmentHandler
    {
        final AtomicLong position = new AtomicLong();
        final AtomicLong fills = new AtomicLong();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final ExecutionReportDecoder report = new ExecutionReportDecoder();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start(final Subscription subscription)
        {
            thread = new Thread(() ->
            {
                while (running.get())
                {
                    if (0 == subscription.poll(this, 64))
                    {
                        Thread.onSpinWait();
                        try
                        {
                            Thread.sleep(1);
                        }
                        catch (final InterruptedException ex)
                        {
                            return;
                        }
                    }
                }
                subscription.close();
            }, "report-tap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException
        {
            running.set(false);
            if (null != thread)
            {
                thread.join(5_000);
            }
        }

        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header h)
        {
            if (ExecutionReportDecoder.TEMPLATE_ID != header.wrap(buffer, offset).templateId())
            {
                return;
            }
            report.wrapAndApplyHeader(buffer, offset, header);
            final short execType = report.execTypeRaw();
            if (ExecType.FILL.value() == execType || ExecType.PARTIAL_FILL.value() == execType)
            {
                fills.incrementAndGet();
                position.addAndGet(Side.BUY == report.side() ? report.lastQuantity() : -report.lastQuantity());
            }
        }
    }

    private Path tokenFile() throws IOException
    {
        final Path file = tmp.resolve("admin.token");
        return Files.exists(file) ? file : OperatorTokens.write(file, TOKEN);
    }
}
