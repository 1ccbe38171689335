package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.VenueSessionState;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class QuotingStrategyTest
{
    private static final long SECOND = 1_000_000_000L;
    // gamma 0.1 /tick, sigma 1 tick/sqrt(s), k 1.5 /tick, T - t = 60 s at the first quote, 2 lots a side
    private static final String AS_FINITE = "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=2)";

    @Test
    void quotesTheModelOnBothSidesAndSkewsAfterAFill()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);

        // mid 1000, q = 0: r = 1000; half-spread = (0.1*1*60 + (2/0.1)*ln(1 + 0.1/1.5)) / 2 = (6 + 1.290770) / 2
        // = 3.645385 -> bid floor(996.354615) = 996, ask ceil(1003.645385) = 1004
        h.snapshot(SECOND, 995, 1005);
        assertEquals(2, h.newOrders);
        assertEquals(996, h.lastBidPrice);
        assertEquals(1004, h.lastAskPrice);
        h.acknowledgeAll(SECOND);
        assertEquals(2, h.strategy.orders().openOrderCount());

        // the bid is filled at t = 2 s: q = 2, T - t = 59 s: r = 1000 - 2*0.1*1*59 = 988.2,
        // half-spread = (5.9 + 1.290770) / 2 = 3.595385 -> bid floor(984.604615) = 984 (a new order, the old one is
        // gone), ask ceil(991.795385) = 992, but post-only keeps it above the best bid 995: 996 (a replace)
        h.fill(2 * SECOND, h.lastBidId, Side.BUY, 996, 2, 0);
        assertEquals(2, h.strategy.position().position());
        assertEquals(3, h.newOrders);
        assertEquals(1, h.replaces);
        assertEquals(984, h.lastBidPrice);
        assertEquals(996, h.lastAskPrice);
        assertEquals(0, h.strategy.riskRejections());
    }

    @Test
    void stopCancelsEverythingAndNothingIsQuotedUntilResume()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);

        h.admin(2 * SECOND, AdminCommandType.STOP);
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(2, h.cancels);
        h.acknowledgeAll(2 * SECOND);
        assertEquals(0, h.strategy.orders().openOrderCount());

        h.touch(3 * SECOND, 995, 1005, 996, 1006);
        assertEquals(2, h.newOrders, "halted: market data brings no new orders");

        h.admin(4 * SECOND, AdminCommandType.RESUME);
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(4, h.newOrders, "resumed: both sides quoted again");
    }

    @Test
    void aStopAfterAnEventThatThrewHalfWayStillCancelsEveryOrder()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        assertEquals(2, h.strategy.orders().openOrderCount());

        // the mid moves 5 ticks: the bid's replace goes out, then the ask's throws, leaving the event half-applied
        // (a replace in flight on one side, the rest of the event never run)
        h.throwOnOrderAfter(1);
        assertThrows(IllegalStateException.class, () -> h.touch(2 * SECOND, 995, 1005, 990, 1000));
        assertEquals(1, h.replaces);

        // the daemon's STOP is the next frame the strategy takes; the venue answers what it got, and every answer
        // lets the halt cancel what was in flight
        h.admin(3 * SECOND, AdminCommandType.STOP);
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        for (int round = 0; round < 3 && h.strategy.orders().openOrderCount() > 0; round++)
        {
            h.acknowledgeAll(3 * SECOND);
        }
        assertEquals(0, h.strategy.orders().openOrderCount(), "every order cancelled");
        assertEquals(2, h.cancels);
        assertEquals(2, h.newOrders, "and nothing new sent");
    }

    @Test
    void aCancelTheVenueRefusesForAnOrderItNoLongerHasIsNotSentAgainAndTheVenueIsAsked()
    {
        // seen in DaemonCrashRecoveryTest: a halted daemon cancelled an order the venue did not have on every market
        // event (23,160 cancels, each refused as too late to cancel) and reconciliation never completed
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        assertEquals(2, h.strategy.orders().openOrderCount());
        h.admin(2 * SECOND, AdminCommandType.STOP);
        assertEquals(2, h.cancels);
        h.sentCount = 0; // the venue answers the cancels with refusals, not with CANCELLED
        final long statusRequestsBefore = h.statusRequests;

        h.rejectCancel(2 * SECOND, h.lastBidId, Side.BUY, RejectReason.TOO_LATE_TO_CANCEL);
        h.rejectCancel(2 * SECOND, h.lastAskId, Side.SELL, RejectReason.UNKNOWN_ORDER);
        for (int i = 0; i < 50; i++)
        {
            final long t = 3 * SECOND + i * 10_000_000L;
            h.touch(t, 995, 1005, 994, 1004);
            h.touch(t + 5_000_000L, 994, 1004, 995, 1005);
        }

        assertEquals(2, h.cancels, "no order cancelled twice");
        assertEquals(1, h.strategy.goneAtVenueStatusRequests());
        assertEquals(statusRequestsBefore + 1, h.statusRequests, "the venue is asked which orders it has, once");
        h.statusComplete(4 * SECOND, h.lastStatusRequestId, 0);
        assertEquals(0, h.strategy.orders().openOrderCount(), "the venue's answer (none) ends them");
        assertEquals(2, h.newOrders, "and nothing new while halted");
    }

    @Test
    void flattenCancelsTheQuotesAndWorksTheInventoryToZeroWithAMarketableOrder()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        h.fill(2 * SECOND, h.lastBidId, Side.BUY, 996, 2, 0);
        h.acknowledgeAll(2 * SECOND);
        final long newsBefore = h.newOrders;
        final long cancelsBefore = h.cancels;

        h.admin(3 * SECOND, AdminCommandType.FLATTEN);

        assertEquals(StrategyMode.REDUCE_ONLY, h.strategy.risk().mode());
        assertEquals(cancelsBefore + 2, h.cancels, "both quotes cancelled");
        assertEquals(newsBefore, h.newOrders, "the resting ask already reduces: nothing more until it is gone");
        h.acknowledgeAll(3 * SECOND);
        // long 2 lots, nothing working: sell 2 at best bid 995 - flatten collar 2 = 993, immediate-or-cancel
        assertEquals(newsBefore + 1, h.newOrders);
        assertEquals(993, h.lastAskPrice);
        h.acknowledgeAll(3 * SECOND);
        h.fill(4 * SECOND, h.lastAskId, Side.SELL, 995, 2, 0);
        assertEquals(0, h.strategy.position().position());
        assertEquals(0, h.strategy.riskRejections());
    }

    @Test
    void quoteManagerAndRiskAllocateNothingPerEvent()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);

        long time = 2 * SECOND;
        time = run(h, time, 500_000);
        final long[] windows = new long[3];
        for (int i = 0; i < windows.length && (0 == i || 0 != windows[i - 1]); i++)
        {
            threads.getThreadAllocatedBytes(thread);
            final long overhead = -(threads.getThreadAllocatedBytes(thread) - threads.getThreadAllocatedBytes(thread));
            final long before = threads.getThreadAllocatedBytes(thread);
            time = run(h, time, 1_000_000);
            windows[i] = threads.getThreadAllocatedBytes(thread) - before - overhead;
        }

        assertEquals(0, h.strategy.riskRejections());
        assertEquals(true, h.replaces > 1_000_000, "the touch moves every event, so quotes are replaced: " + h.replaces);
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per 1M events: " + Arrays.toString(windows));
    }

    @Test
    void aVenueSessionDropAndReconciledReconnectionAllocateNothingAfterWarmUp()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);

        // a long warm-up and several windows: under CPU contention C2 finishes late, and a deoptimisation inside a
        // window materialises objects escape analysis had removed (CI once measured [880, 72, 1072] after 20,000)
        long time = cycles(h, 2 * SECOND, 200_000);
        final long[] windows = new long[6];
        for (int i = 0; i < windows.length && (0 == i || 0 != windows[i - 1]); i++)
        {
            threads.getThreadAllocatedBytes(thread);
            final long overhead = -(threads.getThreadAllocatedBytes(thread) - threads.getThreadAllocatedBytes(thread));
            final long before = threads.getThreadAllocatedBytes(thread);
            time = cycles(h, time, 100_000);
            windows[i] = threads.getThreadAllocatedBytes(thread) - before - overhead;
        }

        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(h.strategy.venueReconnects(), h.strategy.reconnectStatusRequests());
        assertEquals(true, h.strategy.venueReconnects() >= 300_000, "cycles: " + h.strategy.venueReconnects());
        assertEquals(0, h.strategy.riskRejections());
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per 100k disconnect/reconnect cycles: " + Arrays.toString(windows));
    }

    /**
     * Each cycle: the session drops, the touch moves (nothing sent), it comes back, the venue answers with both quotes
     * as they are, and quoting resumes: the quotes are replaced to the new touch and acknowledged.
     */
    private static long cycles(final StrategyHarness h, final long fromNs, final int cycles)
    {
        long time = fromNs;
        for (int i = 0; i < cycles; i++)
        {
            final boolean up = 0 == (h.sequence & 1);
            h.venueSession(time += 1_000, VenueSessionState.DISCONNECTED, 1);
            if (up)
            {
                h.touch(time += 1_000, 995, 1005, 996, 1006);
            }
            else
            {
                h.touch(time += 1_000, 996, 1006, 995, 1005);
            }
            h.venueSession(time += 1_000, VenueSessionState.CONNECTED, 2);
            final long requestId = h.lastStatusRequestId;
            h.status(time += 1_000, h.lastBidId, Side.BUY, h.lastBidPrice, 2, 2, 0);
            h.status(time, h.lastAskId, Side.SELL, h.lastAskPrice, 2, 2, 0);
            h.statusComplete(time, requestId, 2);
            h.acknowledgeAll(time);
        }
        return time;
    }

    /** The touch moves one tick up and back every event; the venue acknowledges every order at once. */
    private static long run(final StrategyHarness h, final long fromNs, final int events)
    {
        long time = fromNs;
        for (int i = 0; i < events; i++)
        {
            time += 1_000_000;
            if (0 == (h.sequence & 1))
            {
                h.touch(time, 995, 1005, 996, 1006);
            }
            else
            {
                h.touch(time, 996, 1006, 995, 1005);
            }
            h.acknowledgeAll(time);
        }
        return time;
    }
}
