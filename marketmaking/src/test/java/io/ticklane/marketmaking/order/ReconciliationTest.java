package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each row: the orders the checkpoint restored, what the venue reports, and the hand-computed result. Every row
 * starts long 3 lots at an average of 100 ticks (no fees, tick value 1), with the id counter at 30.
 */
class ReconciliationTest
{
    private static final long T = 1_000_000_000L;
    private static final long REQUEST = 77;

    /** One STATUS report. */
    record Status(long id, Side side, long price, long quantity, long leaves, long cum)
    {
    }

    /** One row of the table. */
    record Case(
        String name,
        Consumer<Fixture> checkpoint,
        List<Status> venue,
        long reportedCount,
        List<StatusOutcome> outcomes,
        long position,
        double averagePrice,
        double realised,
        int openOrders,
        int cancelsSent,
        boolean consistent,
        boolean certain)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static Stream<Case> table()
    {
        return Stream.of(
            new Case("known order unchanged is adopted as it is",
                f -> f.live(10, Side.BUY, 99, 2),
                List.of(new Status(10, Side.BUY, 99, 2, 2, 0)), 1,
                List.of(StatusOutcome.ADOPTED), 3, 100.0, 0.0, 1, 0, true, true),
            new Case("known bid filled 1 while down: buy 1 at 99, average (3*100 + 99) / 4 = 99.75",
                f -> f.live(10, Side.BUY, 99, 2),
                List.of(new Status(10, Side.BUY, 99, 2, 1, 1)), 1,
                List.of(StatusOutcome.ADOPTED_WITH_FILL), 4, 99.75, 0.0, 1, 0, true, true),
            new Case("known ask filled 2 while down: sell 2 at 102 realises (102 - 100) * 2 = 4",
                f -> f.live(11, Side.SELL, 102, 3),
                List.of(new Status(11, Side.SELL, 102, 3, 1, 2)), 1,
                List.of(StatusOutcome.ADOPTED_WITH_FILL), 1, 100.0, 4.0, 1, 0, true, true),
            new Case("unknown order at the venue is tracked and cancelled; consistent once it is gone",
                f -> f.live(10, Side.BUY, 99, 2),
                List.of(new Status(10, Side.BUY, 99, 2, 2, 0), new Status(50, Side.BUY, 98, 2, 2, 0)), 2,
                List.of(StatusOutcome.ADOPTED, StatusOutcome.UNKNOWN_CANCELLED), 3, 100.0, 0.0, 2, 1, false, true),
            new Case("unknown order that filled 1: sell 1 at 101 realises 1, then it is cancelled",
                f -> { },
                List.of(new Status(50, Side.SELL, 101, 2, 1, 1)), 1,
                List.of(StatusOutcome.UNKNOWN_CANCELLED), 2, 100.0, 1.0, 1, 1, false, true),
            new Case("resting order gone at the venue is assumed filled at its price: buy 2 at 99, average 99.6",
                f -> f.live(10, Side.BUY, 99, 2),
                List.of(), 0,
                List.of(), 5, 99.6, 0.0, 0, 0, true, false),
            new Case("order with a cancel in flight gone at the venue is assumed cancelled",
                f -> f.cancelling(10, Side.BUY, 99, 2),
                List.of(), 0,
                List.of(), 3, 100.0, 0.0, 0, 0, true, false),
            new Case("pending replace applied at the venue: the order carries the new id and price",
                f -> f.replacing(10, 20, Side.SELL, 104, 98, 2),
                List.of(new Status(20, Side.SELL, 98, 2, 2, 0)), 1,
                List.of(StatusOutcome.ADOPTED), 3, 100.0, 0.0, 1, 0, true, true),
            new Case("pending replace lost: the order keeps its old id and price",
                f -> f.replacing(10, 20, Side.SELL, 104, 98, 2),
                List.of(new Status(10, Side.SELL, 104, 2, 2, 0)), 1,
                List.of(StatusOutcome.ADOPTED), 3, 100.0, 0.0, 1, 0, true, true),
            new Case("a count that disagrees with the reports is not consistent",
                f -> f.live(10, Side.BUY, 99, 2),
                List.of(new Status(10, Side.BUY, 99, 2, 2, 0)), 2,
                List.of(StatusOutcome.ADOPTED), 3, 100.0, 0.0, 1, 0, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reconciles(final Case row)
    {
        // given
        final Fixture f = new Fixture();
        row.checkpoint().accept(f);
        f.reconciliation.begin(REQUEST);

        // when
        final List<StatusOutcome> outcomes = new ArrayList<>();
        for (final Status s : row.venue())
        {
            outcomes.add(f.reconciliation.onStatus(s.id(), s.side(), s.price(), s.quantity(), s.leaves(), s.cum(), 2 * T));
        }
        f.reconciliation.onComplete(REQUEST, row.reportedCount(), 2 * T);

        // then
        assertEquals(row.outcomes(), outcomes);
        assertEquals(row.position(), f.position.position());
        assertEquals(row.averagePrice(), f.position.averagePrice(), 1e-9);
        assertEquals(row.realised(), f.position.realisedPnlTicksLots(), 1e-9);
        assertEquals(row.openOrders(), f.orders.openOrderCount());
        assertEquals(row.cancelsSent(), f.actions.cancels.size());
        assertEquals(row.consistent(), f.reconciliation.isConsistent());
        assertEquals(row.certain(), f.reconciliation.isPositionCertain());
        for (final Status s : row.venue())
        {
            assertEquals(s.price(), f.orders.price(s.id()), "venue price adopted");
            assertEquals(s.leaves(), f.orders.leavesQuantity(s.id()), "venue leaves adopted");
            assertEquals(s.cum(), f.orders.filledQuantity(s.id()), "venue cum adopted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void unknownOrdersNeverReuseAnIdAndTheirCancelCompletesTheReconciliation(final Case row)
    {
        final Fixture f = new Fixture();
        row.checkpoint().accept(f);
        f.reconciliation.begin(REQUEST);
        for (final Status s : row.venue())
        {
            f.reconciliation.onStatus(s.id(), s.side(), s.price(), s.quantity(), s.leaves(), s.cum(), 2 * T);
        }
        f.reconciliation.onComplete(REQUEST, row.reportedCount(), 2 * T);

        for (final long[] cancel : f.actions.cancels)
        {
            final long requestId = cancel[0];
            final long orderId = cancel[1];
            assertEquals(true, requestId > orderId, "cancel request id " + requestId + " above the venue's " + orderId);
            assertEquals(OrderUpdate.APPLIED, f.orders.onReport(orderId, ExecType.CANCELLED, 0, 0));
        }
        final boolean countMatches = row.reportedCount() == row.venue().size();
        assertEquals(countMatches, f.reconciliation.isConsistent());
    }

    @Test
    void aRestartedVenueThatNoLongerHasAnOrderDroppedItWithNoFillWhateverItsState()
    {
        // given: a resting bid, an ask being cancelled and a bid being replaced when the venue went away
        final Fixture f = new Fixture();
        f.live(10, Side.BUY, 99, 2);
        f.cancelling(11, Side.SELL, 102, 1);
        f.replacing(12, 20, Side.BUY, 98, 97, 1);
        final long request = Reconciliation.afterVenueRestart(REQUEST);

        // when: the restarted venue reports none of them
        f.reconciliation.begin(request);
        f.reconciliation.onComplete(request, 0, 2 * T);

        // then: all gone, no fill taken for any (long 3 at 100 as before), and the position is flagged uncertain
        assertTrue(Reconciliation.isAfterVenueRestart(request));
        assertEquals(0, f.orders.openOrderCount());
        assertEquals(3, f.position.position());
        assertEquals(100.0, f.position.averagePrice(), 1e-9);
        assertEquals(3, f.reconciliation.lostAtVenue());
        assertEquals(0, f.reconciliation.assumedFilled());
        assertTrue(f.reconciliation.isConsistent());
        assertFalse(f.reconciliation.isPositionCertain());
    }

    @Test
    void aRestartedVenueThatKeptAnOrderHasItAdoptedWithTheFillsItReports()
    {
        final Fixture f = new Fixture();
        f.live(10, Side.BUY, 99, 2);
        final long request = Reconciliation.afterVenueRestart(REQUEST);

        f.reconciliation.begin(request);
        assertEquals(StatusOutcome.ADOPTED_WITH_FILL, f.reconciliation.onStatus(10, Side.BUY, 99, 2, 1, 1, 2 * T));
        f.reconciliation.onComplete(request, 1, 2 * T);

        assertEquals(1, f.orders.openOrderCount());
        assertEquals(4, f.position.position());
        assertEquals(0, f.reconciliation.lostAtVenue());
        assertTrue(f.reconciliation.isPositionCertain());
    }

    @Test
    void aShortAnswerEndsNoOrderAndAssumesNoFillUntilAWholeAnswerArrives()
    {
        // given: a resting bid and a resting ask
        final Fixture f = new Fixture();
        f.live(10, Side.BUY, 99, 2);
        f.live(11, Side.SELL, 102, 1);

        // when: the venue says it has 2 orders but only the bid's STATUS arrives (the ask's report was lost)
        f.reconciliation.begin(REQUEST);
        assertEquals(StatusOutcome.ADOPTED, f.reconciliation.onStatus(10, Side.BUY, 99, 2, 2, 0, 2 * T));
        assertTrue(f.reconciliation.onComplete(REQUEST, 2, 2 * T));

        // then: the ask is not taken for filled (a guess would sell 1 at 102 and realise 2): still long 3 at 100, both
        // orders open, and the answer says it must be asked again
        assertEquals(3, f.position.position());
        assertEquals(0.0, f.position.realisedPnlTicksLots(), 1e-9);
        assertEquals(2, f.orders.openOrderCount());
        assertEquals(0, f.reconciliation.assumedFilled());
        assertEquals(1, f.reconciliation.shortAnswers());
        assertFalse(f.reconciliation.isConsistent());
        assertTrue(f.reconciliation.isCompleteButInconsistent());

        // when: asked again, the whole answer arrives
        f.reconciliation.begin(REQUEST + 1);
        f.reconciliation.onStatus(10, Side.BUY, 99, 2, 2, 0, 3 * T);
        f.reconciliation.onStatus(11, Side.SELL, 102, 1, 1, 0, 3 * T);
        assertTrue(f.reconciliation.onComplete(REQUEST + 1, 2, 3 * T));

        // then: consistent, nothing assumed
        assertTrue(f.reconciliation.isConsistent());
        assertFalse(f.reconciliation.isCompleteButInconsistent());
        assertTrue(f.reconciliation.isPositionCertain());
        assertEquals(2, f.orders.openOrderCount());
        assertEquals(3, f.position.position());
    }

    /** Orders, position, quote manager and a venue that accepts every request, as a restore would leave them. */
    static final class Fixture implements OrderActions
    {
        final Orders orders = new Orders(8);
        final Position position = new Position(1, 1.0, 0.0, 0.0);
        final Fixture actions = this;
        final List<long[]> cancels = new ArrayList<>();
        final QuoteManager quoteManager = new QuoteManager(orders, this, 1, 1, 0, 1000, TimeInForce.POST_ONLY, 30);
        final Reconciliation reconciliation = new Reconciliation(orders, position, quoteManager);

        Fixture()
        {
            position.onFill(Side.BUY, 100, 3, true);
        }

        void live(final long id, final Side side, final long price, final long quantity)
        {
            orders.onNewSent(id, side, price, quantity, T);
            orders.onReport(id, ExecType.ACK, 0, quantity);
        }

        void cancelling(final long id, final Side side, final long price, final long quantity)
        {
            live(id, side, price, quantity);
            orders.onCancelSent(id, T);
        }

        void replacing(final long id, final long newId, final Side side, final long price, final long newPrice,
            final long quantity)
        {
            live(id, side, price, quantity);
            orders.onReplaceSent(id, newId, newPrice, quantity, T);
        }

        public boolean sendNew(final long clientOrderId, final Side side, final long price, final long quantity,
            final TimeInForce timeInForce, final long timeNs)
        {
            return true;
        }

        public boolean sendCancel(final long requestId, final long clientOrderId, final Side side, final long timeNs)
        {
            cancels.add(new long[] {requestId, clientOrderId});
            return true;
        }

        public boolean sendReplace(final long newClientOrderId, final long origClientOrderId, final Side side,
            final long price, final long quantity, final long timeNs)
        {
            return true;
        }
    }
}
