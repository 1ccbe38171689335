package io.ticklane.cli;

import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.daemon.Daemon;
import io.ticklane.runtime.daemon.DaemonConfig;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.ticklane.cli.ScriptedVenue.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults from outside, end to end: the daemon with its real embedded media driver and Chronicle journal, a venue
 * scripted over Aeron. Each proves that orders end cancelled (or were never sent early) and that nothing journaled is
 * lost: the ring filling up under a burst, the clock stepping back, and a venue that answers the start-up order
 * status request late. (The journal's disk filling up and a frame that throws are in the runtime module's
 * {@code JournalDiskFloorTest} and {@code HandlerErrorTest}, through a test seam of the daemon.)
 */
class DaemonFaultInjectionTest
{
    private static final String CONFIG =
        "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
        "risk.price_collar_ticks=1000\nrisk.stale_market_data_ms=60000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=1)\n";

    private static final String TIMER_TICKS = "timer ticks";

    @TempDir
    Path tmp;

    private Transport transport;

    @Test
    void aBurstFasterThanTheTradingThreadFillsTheRingAndBackPressureLosesNothing() throws Exception
    {
        final int updates = 20_000;
        final String aeronDir = tmp.resolve("aeron").toString();
        final Daemon daemon = Daemon.start(config(aeronDir, "daemon.ring_slots=16", "daemon.outbound_reserve=4"),
            driver(aeronDir), new OffsetEpochNanoClock());
        final DaemonCounters counters = daemon.counters();
        final List<ScriptedVenue.Order> atVenue;
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir))
        {
            venue.definitionAndSnapshot(999, 1001);
            await("two quotes resting", 30_000, () -> 2 == counters.counter(DaemonCounters.OPEN_ORDERS));

            for (int i = 0; i < updates; i++) // as fast as the publication takes them
            {
                if (0 == (i & 1))
                {
                    venue.touch(999, 1001, 1000, 1002);
                }
                else
                {
                    venue.touch(1000, 1002, 999, 1001);
                }
            }
            await("every update taken in", 60_000, () -> counters.counter(DaemonCounters.MARKET_DATA) == 1 + updates);
            assertTrue(counters.counter(DaemonCounters.RING_FULL) > 0, "the 16-slot ring filled up: back-pressure");
            assertEquals(0, counters.counter(DaemonCounters.MODE), "no wedge, no halt: still ACTIVE");

            assertTrue(daemon.shutdown(), "the stop still works: every cancel confirmed");
            final long out = countOut(daemon.journalDirectory());
            await("the venue got every order frame journaled", 10_000, () -> venue.received().size() == out);
            atVenue = venue.received();
            assertEquals(Set.of(), DaemonSignalTest.liveAt(venue), "nothing left at the venue");
        }
        finally
        {
            daemon.close();
        }
        assertNull(daemon.firstError());
        final long[] in = countMarketData(daemon.journalDirectory());
        assertEquals(1, in[0], "the definition journaled");
        assertEquals(1, in[1], "the snapshot journaled");
        assertEquals(updates, in[2], "every update the publisher sent is journaled");
        assertTrue(atVenue.stream().anyMatch((o) -> ReplaceOrderDecoder.TEMPLATE_ID == o.templateId()), "it requoted");
    }

    @Test
    void theClockSteppingBackFiveMinutesNeitherWedgesTheTimersNorStopsQuoting() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final SteppingClock clock = new SteppingClock();
        final Daemon daemon = Daemon.start(config(aeronDir, "quotes.max_orders_per_second=5"), driver(aeronDir), clock);
        final DaemonCounters counters = daemon.counters();
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir))
        {
            venue.definitionAndSnapshot(999, 1001);
            await("two quotes resting", 30_000, () -> 2 == counters.counter(DaemonCounters.OPEN_ORDERS));
            for (int i = 0; i < 10; i++) // more moves than the 5 actions a second allow: the window is full
            {
                move(venue, i);
            }
            await("the moves taken in", 10_000, () -> counters.counter(DaemonCounters.MARKET_DATA) == 11);

            clock.stepBack(TimeUnit.MINUTES.toNanos(5));
            final long ticks = counters.counter(TIMER_TICKS);
            final long heartbeats = venue.daemonHeartbeats();
            final int ordersAtStep = venue.received().size();
            int moves = 10;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (venue.received().size() < ordersAtStep + 12 && System.nanoTime() - deadline < 0)
            {
                move(venue, moves++);
                Thread.sleep(20);
            }
            assertTrue(venue.received().size() >= ordersAtStep + 12,
                "quoting goes on after the step: " + (venue.received().size() - ordersAtStep) + " order frames");
            await("timer ticks go on", 10_000, () -> counters.counter(TIMER_TICKS) >= ticks + 10);
            await("heartbeats to the venue go on", 10_000, () -> venue.daemonHeartbeats() >= heartbeats + 10);
            assertEquals(0, counters.counter(DaemonCounters.MODE), "still ACTIVE");
            assertEquals(1, counters.counter(DaemonCounters.CLOCK_STEPS_BACK), "the step is counted");

            assertTrue(daemon.shutdown(), "the stop cancels every order");
            final long out = countOut(daemon.journalDirectory());
            await("the venue got every order frame journaled", 10_000, () -> venue.received().size() == out);
            assertEquals(Set.of(), DaemonSignalTest.liveAt(venue), "nothing left at the venue");
        }
        finally
        {
            daemon.close();
        }
        assertNull(daemon.firstError());
    }

    @Test
    void noOrderLeavesBeforeAVenueThatAnswersLateHasAnsweredTheStatusRequest() throws Exception
    {
        final String aeronDir = tmp.resolve("aeron").toString();
        final DaemonConfig config = config(aeronDir);
        final Daemon daemon = Daemon.start(config, driver(aeronDir), new OffsetEpochNanoClock());
        final DaemonCounters counters = daemon.counters();
        try (ScriptedVenue venue = new ScriptedVenue(aeronDir, config.transportContext(), false))
        {
            // market data first: the venue's order entry is not up yet, and it will answer the status request late
            venue.holdStatusAnswers();
            venue.definitionAndSnapshot(999, 1001);
            await("the snapshot taken in", 30_000, () -> 1 == counters.counter(DaemonCounters.MARKET_DATA));
            venue.subscribeOrders();
            await("the status request at the venue", 30_000, () -> venue.statusRequests() >= 1);
            venue.touch(999, 1001, 1000, 1002);
            await("the move taken in", 30_000, () -> 2 == counters.counter(DaemonCounters.MARKET_DATA));
            assertEquals(0, counters.counter(DaemonCounters.RECONCILED), "not reconciled: the venue has not answered");

            venue.answerHeldStatusRequests();
            await("reconciled and quoting", 30_000, () -> 1 == counters.counter(DaemonCounters.RECONCILED) &&
                null != venue.lastQuote(Side.BUY) && null != venue.lastQuote(Side.SELL));
            assertTrue(daemon.shutdown(), "the stop cancels every order");
            assertEquals(Set.of(), DaemonSignalTest.liveAt(venue), "nothing left at the venue");
        }
        finally
        {
            daemon.close();
        }

        // in the journal: the request is the run's first record, and no order goes out before the answer
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(daemon.journalDirectory()))
        {
            reader.readAll((direction, stream, time, buffer, offset, length) ->
                records.add(direction + " " + header.wrap(buffer, offset).templateId()));
        }
        assertEquals(Direction.IN + " " + OrderStatusRequestDecoder.TEMPLATE_ID, records.get(0), records.toString());
        final int complete = records.indexOf(Direction.IN + " " + OrderStatusCompleteDecoder.TEMPLATE_ID);
        final int firstNew = records.indexOf(Direction.OUT + " " + NewOrderDecoder.TEMPLATE_ID);
        assertTrue(complete > 0 && firstNew > complete, "status complete at record " + complete + ", first NewOrder at " +
            firstNew + ": " + records);
    }

    /**
     * @return a media driver the test owns (closed after the test): the venue's client must not outlive it.
     */
    private Transport driver(final String aeronDir)
    {
        transport = Transport.launch(new TransportContext().aeronDirectoryName(aeronDir));
        return transport;
    }

    @AfterEach
    void closeDriver()
    {
        CloseHelper.quietClose(transport);
    }

    private static void move(final ScriptedVenue venue, final int i)
    {
        if (0 == (i & 1))
        {
            venue.touch(999, 1001, 1000, 1002);
        }
        else
        {
            venue.touch(1000, 1002, 999, 1001);
        }
    }

    private DaemonConfig config(final String aeronDir, final String... settings) throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("daemon.properties"),
            CONFIG + "daemon.admin_token_file=" + tmp.resolve("admin.token") + "\n");
        final List<String> all = new ArrayList<>(List.of("daemon.run_dir=" + tmp.resolve("runs"),
            "transport.aeron_dir=" + aeronDir));
        all.addAll(List.of(settings));
        return DaemonConfig.load(file, all, tmp);
    }

    /**
     * @return the journal's OUT order frames (new, cancel, replace): what the venue must have received.
     */
    private static long countOut(final Path journal) throws Exception
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] count = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((direction, stream, time, buffer, offset, length) ->
            {
                final int templateId = header.wrap(buffer, offset).templateId();
                if (Direction.OUT == direction && (NewOrderDecoder.TEMPLATE_ID == templateId ||
                    CancelOrderDecoder.TEMPLATE_ID == templateId || ReplaceOrderDecoder.TEMPLATE_ID == templateId))
                {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /**
     * @return IN definitions, snapshots and updates in a complete journal.
     */
    private static long[] countMarketData(final Path journal) throws Exception
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] counts = new long[3];
        try (JournalReader reader = JournalReader.open(journal))
        {
            assertTrue(reader.isComplete());
            reader.readAll((direction, stream, time, buffer, offset, length) ->
            {
                final int templateId = header.wrap(buffer, offset).templateId();
                if (Direction.IN == direction)
                {
                    counts[0] += InstrumentDefinitionDecoder.TEMPLATE_ID == templateId ? 1 : 0;
                    counts[1] += L2SnapshotDecoder.TEMPLATE_ID == templateId ? 1 : 0;
                    counts[2] += L2UpdateDecoder.TEMPLATE_ID == templateId ? 1 : 0;
                }
            });
        }
        return counts;
    }

    /**
     * The daemon's clock, which the test can step back as a wrongly set system clock would.
     */
    private static final class SteppingClock implements EpochNanoClock
    {
        private final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        private final AtomicLong backNs = new AtomicLong();

        void stepBack(final long ns)
        {
            backNs.addAndGet(ns);
        }

        public long nanoTime()
        {
            return clock.nanoTime() - backNs.get();
        }
    }
}
