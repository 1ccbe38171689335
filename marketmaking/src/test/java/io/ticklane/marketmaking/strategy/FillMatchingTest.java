package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.order.OrderUpdate;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Execution reports as a hostile or unlucky venue session delivers them: fills for orders never sent, retransmits,
 * forged exec ids, more than an order had open, and reports out of order. Only fills matched to an order are booked;
 * anything refused halts with UNKNOWN_FILL, cancels every order and asks the venue for its open orders.
 */
class FillMatchingTest
{
    private static final long SECOND = 1_000_000_000L;
    // 3 lots a side, so an order can fill in parts; the prices are the model's and not the point here
    private static final String QUOTER = "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=3)";

    @Test
    void aFillForAnOrderNeverSentIsNotBookedAndHaltsCancelsAndAsksTheVenue()
    {
        // given a strategy quoting both sides, its orders resting at the venue
        final StrategyHarness h = quoting();

        // when a fill arrives for a client order id it never used
        h.fill(2 * SECOND, 999_999, Side.BUY, 996, 3, 0);

        // then nothing is booked, the strategy halts, both quotes are cancelled, and only then the venue is asked
        assertEquals(0, h.strategy.position().position());
        assertEquals(0, h.strategy.position().fills());
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
        assertEquals(2, h.cancels);
        assertEquals(1, h.statusRequests);
        assertEquals(2, h.cancelsAtStatusRequest, "the cancels go before the status request");
        assertEquals(2 * SECOND, h.lastStatusRequestId);
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.UNKNOWN_ORDER));
        assertEquals(1, h.strategy.risk().unknownFills());
        assertEquals(1, h.strategy.unknownFillStatusRequests());

        // and when the venue confirms the cancels and answers it has nothing open, the two sides agree; the halt
        // holds until the operator resumes, then quoting starts again
        h.acknowledgeAll(3 * SECOND);
        h.statusComplete(3 * SECOND, h.lastStatusRequestId, 0);
        assertTrue(h.strategy.isConsistent());
        assertEquals(0, h.strategy.orders().openOrderCount());
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        final long newsBefore = h.newOrders;
        h.admin(4 * SECOND, AdminCommandType.RESUME);
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(newsBefore + 2, h.newOrders);
        assertEquals(0, h.strategy.position().position());
    }

    @Test
    void aRetransmittedFillIsBookedOnceAndIgnoredWithoutAHalt()
    {
        final StrategyHarness h = quoting();
        h.fill(2 * SECOND, h.lastBidId, Side.BUY, 996, 1, 2);

        h.redeliverLastReport();
        h.redeliverLastReport();

        assertEquals(1, h.strategy.position().position());
        assertEquals(1, h.strategy.position().fills());
        assertEquals(2, h.strategy.orders().fills(OrderUpdate.DUPLICATE_FILL));
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(0, h.statusRequests);
    }

    @Test
    void anExecIdReusedWithOtherContentIsRefusedAndHalts()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;
        h.report(2 * SECOND, bidId, 77, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 2, 1);

        // same order, same exec id, another quantity: not a retransmit
        h.report(3 * SECOND, bidId, 77, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 2, 0, 3);

        assertEquals(1, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.FILL_CONFLICT));
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
        assertEquals(1, h.statusRequests);
    }

    @Test
    void aFillOnTheWrongSideOfItsOrderIsRefused()
    {
        final StrategyHarness h = quoting();

        h.report(2 * SECOND, h.lastBidId, ExecType.PARTIAL_FILL, Side.SELL, 996, 3, 1, 2, 1);

        assertEquals(0, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.FILL_CONFLICT));
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
    }

    @Test
    void aFillForMoreThanTheOrderHasOpenIsRefusedAndHalts()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;
        h.fill(2 * SECOND, bidId, Side.BUY, 996, 2, 1);

        // 2 of 3 lots filled: a fill of 5 (the venue's cumulative quantity claiming 7) is more than was open
        h.report(3 * SECOND, bidId, ExecType.FILL, Side.BUY, 996, 3, 5, 0, 7);

        assertEquals(2, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.OVERFILL));
        assertEquals(1, h.strategy.orders().leavesQuantity(bidId), "the order is as it was");
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
        assertEquals(1, h.statusRequests);
    }

    @Test
    void aCopyOfAFillUnderAFreshExecIdIsRefusedAsAnOverfill()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;
        h.report(2 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 2, 1);

        // the venue's cumulative quantity says this fill is one already booked
        h.report(3 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 2, 1);

        assertEquals(1, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.OVERFILL));
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
    }

    @Test
    void aSecondFillArrivingBeforeTheFirstEndsWithBothBookedAndTheNewerLeaves()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;

        // the venue filled 1 (cum 1, leaves 2) then 1 more (cum 2, leaves 1); the reports arrive the other way round
        h.report(2 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 1, 2);
        h.report(2 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 2, 1);

        assertEquals(2, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().leavesQuantity(bidId), "leaves of the newer report, not the late one's");
        assertEquals(2, h.strategy.orders().filledQuantity(bidId));
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.LATE_FILL));
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
    }

    @Test
    void aPartialFillArrivingAfterItsOrdersFinalFillIsBookedAndNoMore()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;

        // the venue filled 2 (cum 2) then the last 1 (FILL, cum 3); the FILL arrives first and ends the order
        h.report(2 * SECOND, bidId, ExecType.FILL, Side.BUY, 996, 3, 1, 0, 3);
        assertNull(h.strategy.orders().state(bidId));
        h.report(2 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 2, 1, 2);

        assertEquals(3, h.strategy.position().position());
        assertEquals(0, h.strategy.orders().unknownOrders(), "the late fill found its ended order");
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());

        // and a copy of it under another exec id finds nothing owed
        h.report(3 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 2, 1, 2);
        assertEquals(3, h.strategy.position().position());
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
    }

    @Test
    void aFillArrivingAfterTheCancelConfirmIsBookedWithinWhatTheConfirmCounted()
    {
        final StrategyHarness h = quoting();
        final long bidId = h.lastBidId;

        // the venue filled 2 lots of the bid, then cancelled the rest; the cancel's report arrives before the fill's
        h.report(2 * SECOND, bidId, ExecType.CANCELLED, Side.BUY, 996, 3, 0, 0, 2);
        assertNull(h.strategy.orders().state(bidId));
        h.report(2 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 2, 1, 2);

        assertEquals(2, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.LATE_FILL));
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());

        // one more lot on the cancelled order is more than the confirm counted
        h.report(3 * SECOND, bidId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 0, 2);
        assertEquals(2, h.strategy.position().position());
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
    }

    @Test
    void aFillUnderTheIdAnOrderCarriedBeforeItsReplaceIsStillItsOwn()
    {
        final StrategyHarness h = quoting();
        final long oldId = h.lastBidId;
        h.touch(2 * SECOND, 995, 1005, 997, 1007);
        assertTrue(h.lastBidId != oldId, "the bid was replaced");
        final long newId = h.lastBidId;

        // the venue filled 1 lot before applying the replace; its REPLACED (cum 1) arrives before that fill's report
        h.report(3 * SECOND, newId, ExecType.REPLACED, Side.BUY, h.lastBidPrice, 3, 0, 2, 1);
        h.report(3 * SECOND, oldId, ExecType.PARTIAL_FILL, Side.BUY, 996, 3, 1, 2, 1);

        assertEquals(1, h.strategy.position().position());
        assertEquals(1, h.strategy.orders().fills(OrderUpdate.LATE_FILL));
        assertEquals(2, h.strategy.orders().leavesQuantity(newId));
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
    }

    @Test
    void aFillOfAnotherInstrumentIsRefused()
    {
        final StrategyHarness h = quoting();

        h.foreignFill(2 * SECOND, h.lastBidId, Side.BUY, 996, 1);

        assertEquals(0, h.strategy.position().position());
        assertEquals(ModeReason.UNKNOWN_FILL, h.strategy.risk().modeReason());
    }

    @Test
    void anUnknownFillHaltStaysAfterACheckpointRestoreUntilResume()
    {
        final StrategyHarness original = quoting();
        original.fill(2 * SECOND, 999_999, Side.BUY, 996, 3, 0);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[16 * 1024]);
        final int length = original.strategy.checkpoint(record, 0, 7L);

        final StrategyHarness restored = new StrategyHarness(QUOTER);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(record, 0, length));

        assertEquals(StrategyMode.HALTED, restored.strategy.risk().mode());
        assertEquals(ModeReason.UNKNOWN_FILL, restored.strategy.risk().modeReason());
        restored.admin(3 * SECOND, AdminCommandType.RESUME);
        assertEquals(StrategyMode.ACTIVE, restored.strategy.risk().mode());
    }

    private static StrategyHarness quoting()
    {
        final StrategyHarness h = new StrategyHarness(QUOTER);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        assertEquals(2, h.strategy.orders().openOrderCount());
        assertEquals(3, h.strategy.orders().leavesQuantity(h.lastBidId));
        return h;
    }
}
