package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrdersTest
{
    private static final long ID = 7;
    private static final long REPLACE_ID = 8;
    private static final long QUANTITY = 10;

    private final Orders orders = new Orders(4);

    /**
     * Every (non-terminal state, event) pair, applied to a real {@link Orders}. ILLEGAL means refused and counted;
     * a terminal state means the slot is freed.
     */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "PENDING_NEW,      CANCEL_SENT,  ILLEGAL",
        "PENDING_NEW,      REPLACE_SENT, ILLEGAL",
        "PENDING_NEW,      ACK,          LIVE",
        "PENDING_NEW,      PARTIAL_FILL, PARTIALLY_FILLED",
        "PENDING_NEW,      FILL,         FILLED",
        "PENDING_NEW,      CANCELLED,    CANCELLED",
        "PENDING_NEW,      REPLACED,     ILLEGAL",
        "PENDING_NEW,      REJECTED,     REJECTED",
        "LIVE,             CANCEL_SENT,  PENDING_CANCEL",
        "LIVE,             REPLACE_SENT, PENDING_REPLACE",
        "LIVE,             ACK,          ILLEGAL",
        "LIVE,             PARTIAL_FILL, PARTIALLY_FILLED",
        "LIVE,             FILL,         FILLED",
        "LIVE,             CANCELLED,    CANCELLED",
        "LIVE,             REPLACED,     ILLEGAL",
        "LIVE,             REJECTED,     ILLEGAL",
        "PARTIALLY_FILLED, CANCEL_SENT,  PENDING_CANCEL",
        "PARTIALLY_FILLED, REPLACE_SENT, PENDING_REPLACE",
        "PARTIALLY_FILLED, ACK,          ILLEGAL",
        "PARTIALLY_FILLED, PARTIAL_FILL, PARTIALLY_FILLED",
        "PARTIALLY_FILLED, FILL,         FILLED",
        "PARTIALLY_FILLED, CANCELLED,    CANCELLED",
        "PARTIALLY_FILLED, REPLACED,     ILLEGAL",
        "PARTIALLY_FILLED, REJECTED,     ILLEGAL",
        "PENDING_CANCEL,   CANCEL_SENT,  ILLEGAL",
        "PENDING_CANCEL,   REPLACE_SENT, ILLEGAL",
        "PENDING_CANCEL,   ACK,          ILLEGAL",
        "PENDING_CANCEL,   PARTIAL_FILL, PENDING_CANCEL",
        "PENDING_CANCEL,   FILL,         FILLED",
        "PENDING_CANCEL,   CANCELLED,    CANCELLED",
        "PENDING_CANCEL,   REPLACED,     ILLEGAL",
        "PENDING_CANCEL,   REJECTED,     LIVE",
        "PENDING_REPLACE,  CANCEL_SENT,  ILLEGAL",
        "PENDING_REPLACE,  REPLACE_SENT, ILLEGAL",
        "PENDING_REPLACE,  ACK,          ILLEGAL",
        "PENDING_REPLACE,  PARTIAL_FILL, PENDING_REPLACE",
        "PENDING_REPLACE,  FILL,         FILLED",
        "PENDING_REPLACE,  CANCELLED,    CANCELLED",
        "PENDING_REPLACE,  REPLACED,     LIVE",
        "PENDING_REPLACE,  REJECTED,     LIVE",
    })
    void transitionTable(final OrderState from, final OrderEvent event, final String expected)
    {
        // given an order in `from` (reached through legal events only)
        reach(from);
        assertEquals(from, orders.state(ID));

        // when
        final OrderUpdate update = apply(event);

        // then
        if ("ILLEGAL".equals(expected))
        {
            assertEquals(OrderUpdate.ILLEGAL_TRANSITION, update);
            assertEquals(from, orders.state(ID), "an illegal event changes nothing");
            assertEquals(1, orders.illegalTransitions(from, event));
            assertEquals(1, orders.illegalTransitions());
            assertEquals(from.isPending() ? 1 : 0, orders.inFlightCount());
            return;
        }
        final OrderState to = OrderState.valueOf(expected);
        final long id = OrderEvent.REPLACED == event ? REPLACE_ID : ID; // a replaced order carries the new id
        assertEquals(OrderUpdate.APPLIED, update);
        assertEquals(to, Orders.next(from, event, orders.filledQuantity(id) > 0), "table and machine agree");
        assertEquals(0, orders.illegalTransitions());
        if (to.isTerminal())
        {
            assertNull(orders.state(id), "terminal orders free their slot");
            assertEquals(0, orders.openOrderCount());
            assertEquals(0, orders.inFlightCount());
            assertEquals(0, orders.leavesQuantity(Side.BUY));
        }
        else
        {
            assertEquals(to, orders.state(id));
            assertEquals(1, orders.openOrderCount());
            assertEquals(to.isPending() ? 1 : 0, orders.inFlightCount());
        }
    }

    @Test
    void ackForAnUnknownOrderIsCountedNotApplied()
    {
        assertEquals(OrderUpdate.UNKNOWN_ORDER, orders.onReport(99, ExecType.ACK, 0, 0));
        assertEquals(1, orders.unknownOrders(OrderEvent.ACK));
        assertEquals(0, orders.openOrderCount());
    }

    @Test
    void fillArrivingAfterCancelIsAnUnknownOrderBecauseTheSlotWasFreed()
    {
        reach(OrderState.PENDING_CANCEL);
        assertEquals(OrderUpdate.APPLIED, orders.onReport(ID, ExecType.CANCELLED, 0, 0));

        assertEquals(OrderUpdate.UNKNOWN_ORDER, orders.onReport(ID, ExecType.FILL, QUANTITY, 0));

        assertEquals(1, orders.unknownOrders(OrderEvent.FILL));
        assertEquals(1, orders.unknownOrders());
    }

    @Test
    void replaceReportedUnderTheNewIdReKeysTheOrderAndKeepsItsFills()
    {
        // given 10 @ 100, acked, 4 filled (leaves 6), then a replace to 8 @ 101 under id 8
        reach(OrderState.LIVE);
        orders.onReport(ID, ExecType.PARTIAL_FILL, 4, 6);
        orders.onReplaceSent(ID, REPLACE_ID, 101, 8, 2_000);
        assertEquals(OrderState.PENDING_REPLACE, orders.state(REPLACE_ID), "both ids resolve while in flight");
        assertEquals(100, orders.price(ID), "price changes only when the venue confirms");

        // when the venue confirms under the new id: 8 total, 4 already filled, 4 left
        assertEquals(OrderUpdate.APPLIED, orders.onReport(REPLACE_ID, ExecType.REPLACED, 0, 4));

        // then
        assertNull(orders.state(ID));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(REPLACE_ID));
        assertEquals(101, orders.price(REPLACE_ID));
        assertEquals(4, orders.leavesQuantity(REPLACE_ID));
        assertEquals(4, orders.filledQuantity(REPLACE_ID));
        assertEquals(2_000, orders.sentTimeNs(REPLACE_ID), "the quote's age counts from the replace");
        assertEquals(0, orders.inFlightCount());
    }

    @Test
    void rejectedReplaceLeavesTheOldOrderRestingUnderItsOldId()
    {
        reach(OrderState.LIVE);
        orders.onReplaceSent(ID, REPLACE_ID, 101, 8, 2_000);

        assertEquals(OrderUpdate.APPLIED, orders.onReport(REPLACE_ID, ExecType.REJECTED, 0, 0));

        assertEquals(OrderState.LIVE, orders.state(ID));
        assertNull(orders.state(REPLACE_ID));
        assertEquals(100, orders.price(ID));
        assertEquals(QUANTITY, orders.leavesQuantity(ID));
    }

    @Test
    void rejectedCancelAfterAPartialFillReturnsToPartiallyFilled()
    {
        reach(OrderState.PARTIALLY_FILLED);
        orders.onCancelSent(ID, 3_000);

        orders.onReport(ID, ExecType.REJECTED, 0, 0);

        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(ID));
    }

    @Test
    void fullSlotsRefuseNewOrdersUntilOneEnds()
    {
        final Orders two = new Orders(2);
        assertEquals(OrderUpdate.APPLIED, two.onNewSent(1, Side.BUY, 100, 1, 0));
        assertEquals(OrderUpdate.APPLIED, two.onNewSent(2, Side.SELL, 101, 1, 0));
        assertEquals(OrderUpdate.NO_FREE_SLOT, two.onNewSent(3, Side.BUY, 99, 1, 0));
        assertEquals(1, two.noFreeSlot());

        two.onReport(1, ExecType.REJECTED, 0, 0);

        assertEquals(OrderUpdate.APPLIED, two.onNewSent(3, Side.BUY, 99, 1, 0));
        assertEquals(2, two.openOrderCount());
    }

    @Test
    void reusedClientOrderIdIsRefused()
    {
        orders.onNewSent(1, Side.BUY, 100, 1, 0);

        assertEquals(OrderUpdate.DUPLICATE_ID, orders.onNewSent(1, Side.SELL, 101, 1, 0));

        assertEquals(1, orders.duplicateIds());
        assertEquals(Side.BUY, orders.side(1));
    }

    @Test
    void openOrdersAndLeavesArePerSide()
    {
        // bids: 10 pending new, 5 acked with 2 filled (leaves 3) -> 13 lots in 2 orders; ask: 7 lots in 1 order
        orders.onNewSent(1, Side.BUY, 100, 10, 0);
        orders.onNewSent(2, Side.BUY, 99, 5, 0);
        orders.onReport(2, ExecType.ACK, 0, 5);
        orders.onReport(2, ExecType.PARTIAL_FILL, 2, 3);
        orders.onNewSent(3, Side.SELL, 102, 7, 0);

        assertEquals(2, orders.openOrderCount(Side.BUY));
        assertEquals(1, orders.openOrderCount(Side.SELL));
        assertEquals(13, orders.leavesQuantity(Side.BUY));
        assertEquals(7, orders.leavesQuantity(Side.SELL));
        assertEquals(3, orders.openOrderCount());
        assertEquals(2, orders.inFlightCount(), "orders 1 and 3 are still pending new");
    }

    @Test
    void executionReportFlyweightDrivesTheMachineAndUnknownExecTypesAreCounted()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        orders.onNewSent(ID, Side.SELL, 105, 3, 0);

        encoder.wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH)
            .clientOrderId(ID).execType(ExecType.ACK).side(Side.SELL).price(105).orderQuantity(3)
            .leavesQuantity(3).liquidity(LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
        decoder.wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH, ExecutionReportEncoder.BLOCK_LENGTH,
            ExecutionReportEncoder.SCHEMA_VERSION);
        assertEquals(OrderUpdate.APPLIED, orders.onExecutionReport(decoder));
        assertEquals(OrderState.LIVE, orders.state(ID));

        // a newer schema's exec type value (9) must be counted, not thrown on
        buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)9);
        assertEquals(OrderUpdate.UNKNOWN_EXEC_TYPE, orders.onExecutionReport(decoder));
        assertEquals(1, orders.unknownExecTypes());
        assertEquals(OrderState.LIVE, orders.state(ID));
    }

    @Test
    void aFillForMoreThanTheOrderHasOpenIsRefusedAndChangesNothing()
    {
        reach(OrderState.PARTIALLY_FILLED); // 2 of 10 filled

        assertEquals(OrderUpdate.OVERFILL, orders.onReport(ID, ExecType.FILL, QUANTITY - 1, 0));

        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(ID));
        assertEquals(QUANTITY - 2, orders.leavesQuantity(ID));
        assertEquals(2, orders.filledQuantity(ID));
        assertEquals(1, orders.fills(OrderUpdate.OVERFILL));
    }

    @Test
    void aFillReportedTwiceUnderOneExecIdMovesTheOrderOnce()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        reach(OrderState.LIVE);
        encoder.wrap(buffer, 0).clientOrderId(ID).execId(31).execType(ExecType.PARTIAL_FILL).side(Side.BUY).price(100)
            .orderQuantity(QUANTITY).lastPrice(100).lastQuantity(3).leavesQuantity(QUANTITY - 3).cumQuantity(3)
            .liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE);
        decoder.wrap(buffer, 0, ExecutionReportEncoder.BLOCK_LENGTH, ExecutionReportEncoder.SCHEMA_VERSION);

        assertEquals(OrderUpdate.APPLIED, orders.onExecutionReport(decoder));
        assertEquals(OrderUpdate.DUPLICATE_FILL, orders.onExecutionReport(decoder));

        assertEquals(3, orders.filledQuantity(ID));
        assertEquals(QUANTITY - 3, orders.leavesQuantity(ID));
        assertEquals(1, orders.fillsRemembered());
    }

    @Test
    void aCancelRefusedBecauseTheVenueNoLongerHasTheOrderLeavesItPendingAndALateFillStillMatches()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        decoder.wrap(buffer, 0, ExecutionReportEncoder.BLOCK_LENGTH, ExecutionReportEncoder.SCHEMA_VERSION);
        reach(OrderState.PENDING_CANCEL);

        // a refusal for another reason: the order still rests at the venue, as before
        encoder.wrap(buffer, 0).clientOrderId(ID).execId(40).execType(ExecType.REJECTED).side(Side.BUY).price(100)
            .orderQuantity(QUANTITY).leavesQuantity(QUANTITY).liquidity(LiquidityFlag.NONE).rejectReason(RejectReason.THROTTLED);
        assertEquals(OrderUpdate.APPLIED, orders.onExecutionReport(decoder));
        assertEquals(OrderState.LIVE, orders.state(ID));

        // too late to cancel: the venue no longer has it; the cancel stays pending (never sent again), counted
        orders.onCancelSent(ID, 3_000);
        encoder.rejectReason(RejectReason.TOO_LATE_TO_CANCEL);
        assertEquals(OrderUpdate.GONE_AT_VENUE, orders.onExecutionReport(decoder));
        assertEquals(OrderState.PENDING_CANCEL, orders.state(ID));
        encoder.rejectReason(RejectReason.UNKNOWN_ORDER);
        assertEquals(OrderUpdate.GONE_AT_VENUE, orders.onExecutionReport(decoder));
        assertEquals(2, orders.goneAtVenue());
        assertEquals(1, orders.inFlightCount());

        // the fill that made it too late, reported after the refusal, is still this order's
        encoder.execId(41).execType(ExecType.FILL).lastPrice(100).lastQuantity(QUANTITY).leavesQuantity(0).cumQuantity(QUANTITY)
            .liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE);
        assertEquals(OrderUpdate.APPLIED, orders.onExecutionReport(decoder));
        assertEquals(null, orders.state(ID));
        assertEquals(0, orders.openOrderCount());
    }

    private void reach(final OrderState state)
    {
        orders.onNewSent(ID, Side.BUY, 100, QUANTITY, 1_000);
        switch (state)
        {
            case PENDING_NEW:
                break;
            case LIVE:
                orders.onReport(ID, ExecType.ACK, 0, QUANTITY);
                break;
            case PARTIALLY_FILLED:
                orders.onReport(ID, ExecType.ACK, 0, QUANTITY);
                orders.onReport(ID, ExecType.PARTIAL_FILL, 2, QUANTITY - 2);
                break;
            case PENDING_CANCEL:
                orders.onReport(ID, ExecType.ACK, 0, QUANTITY);
                orders.onCancelSent(ID, 2_000);
                break;
            case PENDING_REPLACE:
                orders.onReport(ID, ExecType.ACK, 0, QUANTITY);
                orders.onReplaceSent(ID, REPLACE_ID, 101, QUANTITY, 2_000);
                break;
            default:
                throw new IllegalArgumentException("not reachable as a start state: " + state);
        }
    }

    private OrderUpdate apply(final OrderEvent event)
    {
        final long leaves = orders.leavesQuantity(ID);
        switch (event)
        {
            case CANCEL_SENT: return orders.onCancelSent(ID, 5_000);
            case REPLACE_SENT: return orders.onReplaceSent(ID, 99, 102, QUANTITY, 5_000);
            case ACK: return orders.onReport(ID, ExecType.ACK, 0, leaves);
            case PARTIAL_FILL: return orders.onReport(ID, ExecType.PARTIAL_FILL, 1, leaves - 1);
            case FILL: return orders.onReport(ID, ExecType.FILL, leaves, 0);
            case CANCELLED: return orders.onReport(ID, ExecType.CANCELLED, 0, 0);
            case REPLACED: return orders.onReport(ID, ExecType.REPLACED, 0, leaves);
            case REJECTED: return orders.onReport(ID, ExecType.REJECTED, 0, 0);
            default: throw new IllegalArgumentException(event.name());
        }
    }
}
