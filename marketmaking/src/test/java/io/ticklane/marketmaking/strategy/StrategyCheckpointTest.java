package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StrategyCheckpointTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final String AS_FINITE = "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=2)";

    private final UnsafeBuffer record = new UnsafeBuffer(new byte[16 * 1024]);

    @Test
    void restoredStrategyHasTheSameStateAndSendsTheSameBytesAfterFillsAndQuotes()
    {
        // given a strategy that quoted, had its bid filled in part, then its ask, and has replaces in flight
        final StrategyHarness original = new StrategyHarness(AS_FINITE);
        original.snapshot(SECOND, 995, 1005);
        original.acknowledgeAll(SECOND);
        original.fill(2 * SECOND, original.lastBidId, Side.BUY, 996, 1, 1);
        original.acknowledgeAll(2 * SECOND);
        original.fill(3 * SECOND, original.lastAskId, Side.SELL, original.lastAskPrice, 2, 0);
        original.acknowledgeAll(3 * SECOND);
        original.touch(4 * SECOND, 995, 1005, 997, 1007);
        assertTrue(original.strategy.orders().inFlightCount() > 0, "requests in flight at the checkpoint");

        // when it is checkpointed and restored into a fresh strategy of the same configuration
        final int length = original.strategy.checkpoint(record, 0, 1234L);
        final StrategyHarness restored = new StrategyHarness(AS_FINITE);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(record, 0, length));

        // then the state is the same
        assertEquals(1234L, StrategyCheckpoint.lastJournalIndex(record, 0));
        assertSameState(original.strategy, restored.strategy);

        // and the same next events (the venue answering what was in flight, the market moving, a fill) give the
        // same outbound bytes
        copyUnanswered(original, restored);
        final long bidId = original.lastBidId;
        startLogging(original, restored);
        for (final StrategyHarness h : new StrategyHarness[] {original, restored})
        {
            h.sequence = original.sequence;
            h.snapshot(5 * SECOND, 997, 1007);
            h.acknowledgeAll(5 * SECOND);
            h.touch(6 * SECOND, 997, 1007, 999, 1009);
            h.acknowledgeAll(6 * SECOND);
            h.fill(7 * SECOND, bidId, Side.BUY, 996, 1, 0);
            h.acknowledgeAll(7 * SECOND);
            h.touch(8 * SECOND, 999, 1009, 994, 1004);
        }
        assertSameOutbound(original, restored);
        assertSameState(original.strategy, restored.strategy);
    }

    /**
     * The grid's levels need nothing in the checkpoint beyond the open orders: the quote manager's level mode reads
     * them from {@code Orders}. A grid with a fill behind it and a move in flight (cancels and news unanswered)
     * restores to the same state and sends the same bytes afterwards.
     */
    @Test
    void aRestoredGridKeepsItsLevelsAndSendsTheSameBytes()
    {
        final String grid = "grid(levels=3,step_ticks=2,size=1)";
        final StrategyHarness original = new StrategyHarness(grid);
        original.snapshot(SECOND, 995, 1005);                 // mid 1000: bids 998/996/994, asks 1002/1004/1006
        assertEquals(6, original.strategy.orders().openOrderCount());
        original.acknowledgeAll(SECOND);
        original.fill(2 * SECOND, idAt(original, Side.BUY, 998), Side.BUY, 998, 1, 0);
        original.acknowledgeAll(2 * SECOND);
        original.touch(3 * SECOND, 995, 1005, 997, 1007);     // mid 1002: bids 1000/998/996, asks 1004/1006/1008
        assertTrue(original.strategy.orders().inFlightCount() > 0, "requests in flight at the checkpoint");
        assertEquals(0, original.replaces, "a grid never replaces");

        final int length = original.strategy.checkpoint(record, 0, 99L);
        final StrategyHarness restored = new StrategyHarness(grid);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(record, 0, length));
        assertSameState(original.strategy, restored.strategy);

        copyUnanswered(original, restored);
        startLogging(original, restored);
        for (final StrategyHarness h : new StrategyHarness[] {original, restored})
        {
            h.sequence = original.sequence;
            h.snapshot(4 * SECOND, 997, 1007);                 // a checkpoint holds no market state
            h.acknowledgeAll(4 * SECOND);
            h.touch(5 * SECOND, 997, 1007, 999, 1009);       // mid 1004: bids 1002/1000/998, asks 1006/1008/1010
            h.acknowledgeAll(5 * SECOND);
        }
        assertSameOutbound(original, restored);
        assertSameState(original.strategy, restored.strategy);
        for (final long price : new long[] {1002, 1000, 998})
        {
            assertTrue(idAt(restored, Side.BUY, price) > 0, "bid level " + price);
        }
        for (final long price : new long[] {1006, 1008, 1010})
        {
            assertTrue(idAt(restored, Side.SELL, price) > 0, "ask level " + price);
        }
        assertEquals(6, restored.strategy.orders().openOrderCount());
    }

    private static long idAt(final StrategyHarness h, final Side side, final long price)
    {
        final Orders orders = h.strategy.orders();
        for (int slot = 0; slot < orders.capacity(); slot++)
        {
            if (side == orders.sideAt(slot) && price == orders.priceAt(slot))
            {
                return orders.clientOrderIdAt(slot);
            }
        }
        return -1;
    }

    @Test
    void anOperatorStopStaysStoppedAfterARestoreAndResumesTheSameWay()
    {
        // given a stopped strategy holding a position, with its cancels in flight
        final StrategyHarness original = new StrategyHarness(AS_FINITE);
        original.snapshot(SECOND, 995, 1005);
        original.acknowledgeAll(SECOND);
        original.fill(2 * SECOND, original.lastBidId, Side.BUY, 996, 2, 0);
        original.acknowledgeAll(2 * SECOND);
        original.admin(3 * SECOND, AdminCommandType.STOP);
        assertEquals(StrategyMode.HALTED, original.strategy.risk().mode());

        // when checkpointed and restored
        final int length = original.strategy.checkpoint(record, 0, 99L);
        final StrategyHarness restored = new StrategyHarness(AS_FINITE);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(record, 0, length));

        // then it is still stopped by the operator, since the same time
        assertEquals(StrategyMode.HALTED, restored.strategy.risk().mode());
        assertEquals(ModeReason.OPERATOR_STOP, restored.strategy.risk().modeReason());
        assertEquals(3 * SECOND, restored.strategy.risk().modeSinceNs());
        assertEquals(2, restored.strategy.position().position());

        // and market data brings nothing in either; RESUME brings the same quotes in both
        copyUnanswered(original, restored);
        startLogging(original, restored);
        for (final StrategyHarness h : new StrategyHarness[] {original, restored})
        {
            h.sequence = original.sequence;
            h.acknowledgeAll(3 * SECOND);
            h.snapshot(4 * SECOND, 996, 1006);
            assertEquals(0, h.strategy.orders().openOrderCount(), "halted: nothing new");
            h.admin(5 * SECOND, AdminCommandType.RESUME);
            h.acknowledgeAll(5 * SECOND);
            h.touch(6 * SECOND, 996, 1006, 994, 1004);
        }
        assertTrue(original.outboundLogLength > 0);
        assertSameOutbound(original, restored);
        assertSameState(original.strategy, restored.strategy);
    }

    @Test
    void afterARestoreNothingIsQuotedUntilTheVenueAnswerAgrees()
    {
        // given a checkpoint taken long 1 (bid 2 @ 996 filled 1, then both quotes replaced: 2 lots each), resting
        final StrategyHarness original = new StrategyHarness(AS_FINITE);
        original.snapshot(SECOND, 995, 1005);
        original.acknowledgeAll(SECOND);
        original.fill(2 * SECOND, original.lastBidId, Side.BUY, 996, 1, 1);
        original.acknowledgeAll(2 * SECOND);
        final long bidId = original.lastBidId;
        final long askId = original.lastAskId;
        final long askPrice = original.lastAskPrice;
        final int length = original.strategy.checkpoint(record, 0, 1L);
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        assertEquals(CheckpointCheck.VALID, h.strategy.restore(record, 0, length));
        assertEquals(1, h.strategy.position().position());
        assertEquals(2, h.strategy.orders().leavesQuantity(bidId));
        assertEquals(2, h.strategy.orders().leavesQuantity(askId));

        // when the restarted strategy asks the venue, and the market arrives before the answer
        h.logOutbound = true;
        h.strategy.requestOrderStatus(5, 3 * SECOND);
        h.snapshot(3 * SECOND, 995, 1005);

        // then only the request went out
        assertEquals(OrderStatusRequestEncoder.TEMPLATE_ID, h.outboundLog.getShort(2));
        assertEquals(0, h.newOrders + h.replaces + h.cancels);
        assertEquals(false, h.strategy.isConsistent());

        // when the venue answers: the bid is gone (filled while down), the ask filled 1 of 2, and an order 999 we
        // never recorded rests
        h.report(4 * SECOND, askId, ExecType.STATUS, Side.SELL, askPrice, 2, 0, 1, 1);
        h.report(4 * SECOND, 999, ExecType.STATUS, Side.BUY, 990, 1, 0, 1, 0);
        h.statusComplete(4 * SECOND, 5, 2);

        // then: the bid's 2 leaves are assumed filled (+2), the ask's missed fill sells 1: 1 + 2 - 1 = long 2; 999
        // is cancelled
        assertEquals(2, h.strategy.position().position());
        assertEquals(1, h.strategy.reconciliation().assumedFilled());
        assertEquals(2, h.strategy.reconciliation().assumedFilledQuantity());
        assertEquals(1, h.strategy.reconciliation().missedFillQuantity());
        assertEquals(1, h.cancels, "the unknown order is cancelled");
        assertEquals(0, h.newOrders + h.replaces, "no quote while the unknown order rests");
        assertEquals(false, h.strategy.isConsistent());
        assertEquals(null, h.strategy.orders().state(bidId));

        // when its cancel is confirmed, the strategy is consistent and quotes again, with ids above 999
        h.acknowledgeAll(5 * SECOND);
        assertEquals(true, h.strategy.isConsistent());
        assertTrue(h.newOrders + h.replaces > 0, "quoting resumed");
        assertTrue(h.strategy.quoteManager().nextClientOrderId() > 1000);
    }

    @Test
    void aRecordInAnOffHeapBufferRestoresLikeOneOnTheHeap()
    {
        final StrategyHarness original = new StrategyHarness(AS_FINITE);
        original.snapshot(SECOND, 995, 1005);
        original.acknowledgeAll(SECOND);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(16 * 1024));

        final int length = original.strategy.checkpoint(direct, 8, 7L);
        final StrategyHarness restored = new StrategyHarness(AS_FINITE);

        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(direct, 8, length));
        assertSameState(original.strategy, restored.strategy);
        final int heapLength = original.strategy.checkpoint(record, 0, 7L);
        assertEquals(length, heapLength);
        for (int i = 0; i < length; i++)
        {
            assertEquals(direct.getByte(8 + i), record.getByte(i), "byte " + i);
        }
    }

    @Test
    void aDamagedOrMismatchedRecordIsRefusedAndChangesNothing()
    {
        final StrategyHarness original = new StrategyHarness(AS_FINITE);
        original.snapshot(SECOND, 995, 1005);
        original.acknowledgeAll(SECOND);
        final int length = original.strategy.checkpoint(record, 0, 1L);
        final StrategyHarness fresh = new StrategyHarness(AS_FINITE);

        assertEquals(CheckpointCheck.TOO_SHORT, fresh.strategy.restore(record, 0, length - 1));
        record.putByte(length - 3, (byte)(record.getByte(length - 3) ^ 0x10));
        assertEquals(CheckpointCheck.BAD_CHECKSUM, fresh.strategy.restore(record, 0, length));
        record.putByte(length - 3, (byte)(record.getByte(length - 3) ^ 0x10));
        record.putInt(0, 0);
        assertEquals(CheckpointCheck.WRONG_TEMPLATE, fresh.strategy.restore(record, 0, length));
        assertEquals(0, fresh.strategy.orders().openOrderCount(), "nothing restored");

        final int again = original.strategy.checkpoint(record, 0, 1L);
        assertEquals(CheckpointCheck.WRONG_CAPACITY, new StrategyHarness(AS_FINITE, 32).strategy.restore(record, 0, again));
    }

    @Test
    void writingACheckpointAllocatesNothing()
    {
        final StrategyHarness h = new StrategyHarness(AS_FINITE);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        h.fill(2 * SECOND, h.lastBidId, Side.BUY, 996, 1, 1);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sink += h.strategy.checkpoint(record, 0, i);
        }
        final long[] windows = new long[3];
        for (int w = 0; w < windows.length && (0 == w || 0 != windows[w - 1]); w++)
        {
            threads.getThreadAllocatedBytes(thread);
            final long overhead = -(threads.getThreadAllocatedBytes(thread) - threads.getThreadAllocatedBytes(thread));
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 200_000; i++)
            {
                sink += h.strategy.checkpoint(record, 0, i);
            }
            windows[w] = threads.getThreadAllocatedBytes(thread) - before - overhead;
        }
        assertTrue(sink > 0);
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per 200k checkpoints: " + Arrays.toString(windows));
    }

    private static void startLogging(final StrategyHarness a, final StrategyHarness b)
    {
        a.logOutbound = true;
        b.logOutbound = true;
    }

    /** The venue side is outside the checkpoint: it still has the original's requests to answer. */
    private static void copyUnanswered(final StrategyHarness from, final StrategyHarness to)
    {
        to.sent.putBytes(0, from.sent, 0, from.sentCount * 128);
        System.arraycopy(from.sentTypes, 0, to.sentTypes, 0, from.sentCount);
        to.sentCount = from.sentCount;
        to.lastBidId = from.lastBidId;
        to.lastAskId = from.lastAskId;
        to.lastBidPrice = from.lastBidPrice;
        to.lastAskPrice = from.lastAskPrice;
        to.execId = from.execId;
    }

    private static void assertSameOutbound(final StrategyHarness a, final StrategyHarness b)
    {
        assertTrue(a.outboundLogLength > 0, "something was sent");
        final byte[] left = new byte[a.outboundLogLength];
        final byte[] right = new byte[b.outboundLogLength];
        a.outboundLog.getBytes(0, left);
        b.outboundLog.getBytes(0, right);
        assertArrayEquals(left, right, "outbound frames");
    }

    static void assertSameState(final QuotingStrategy a, final QuotingStrategy b)
    {
        assertEquals(a.position().position(), b.position().position());
        assertEquals(a.position().averagePrice(), b.position().averagePrice());
        assertEquals(a.position().realisedPnlTicksLots(), b.position().realisedPnlTicksLots());
        assertEquals(a.position().fees(), b.position().fees());
        assertEquals(a.position().fills(), b.position().fills());
        assertEquals(a.risk().mode(), b.risk().mode());
        assertEquals(a.risk().modeReason(), b.risk().modeReason());
        assertEquals(a.risk().pnl(), b.risk().pnl());
        assertEquals(a.risk().peakPnl(), b.risk().peakPnl());
        assertEquals(a.quoteManager().nextClientOrderId(), b.quoteManager().nextClientOrderId());
        final Orders left = a.orders();
        final Orders right = b.orders();
        assertEquals(left.openOrderCount(), right.openOrderCount());
        assertEquals(left.inFlightCount(), right.inFlightCount());
        for (int slot = 0; slot < left.capacity(); slot++)
        {
            assertEquals(left.stateAt(slot), right.stateAt(slot), "slot " + slot);
            if (null != left.stateAt(slot))
            {
                final long id = left.clientOrderIdAt(slot);
                assertEquals(id, right.clientOrderIdAt(slot));
                assertEquals(left.sideAt(slot), right.sideAt(slot));
                assertEquals(left.price(id), right.price(id));
                assertEquals(left.leavesQuantity(id), right.leavesQuantity(id));
                assertEquals(left.filledQuantity(id), right.filledQuantity(id));
                assertEquals(left.sentTimeNs(id), right.sentTimeNs(id));
            }
        }
    }
}
