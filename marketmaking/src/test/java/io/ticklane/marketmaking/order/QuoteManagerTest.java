package io.ticklane.marketmaking.order;

import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QuoteManagerTest
{
    private static final long MS = 1_000_000L;
    private static final long REPLACE_TICKS = 2;
    private static final long REPLACE_LOTS = 3;
    private static final long MIN_LIFE_MS = 50;
    private static final long FIRST_ID = 1;

    private final Orders orders = new Orders(8);
    private final RecordingActions actions = new RecordingActions();
    private final TargetQuote target = new TargetQuote();

    private QuoteManager manager(final int maxOrdersPerSecond)
    {
        return new QuoteManager(
            orders, actions, REPLACE_TICKS, REPLACE_LOTS, MIN_LIFE_MS, maxOrdersPerSecond, TimeInForce.POST_ONLY, FIRST_ID);
    }

    @Test
    void noWorkingOrdersSendsANewOrderOnEachSide()
    {
        final QuoteManager manager = manager(100);

        final int sent = manager.onTarget(target.clear().bid(100, 5).ask(103, 4), 0);

        assertEquals(2, sent);
        assertEquals(2, actions.news);
        assertEquals(OrderState.PENDING_NEW, orders.state(1));
        assertEquals(Side.BUY, orders.side(1));
        assertEquals(OrderState.PENDING_NEW, orders.state(2));
        assertEquals(Side.SELL, orders.side(2));
        assertEquals(103, orders.price(2));
        assertEquals(TimeInForce.POST_ONLY, actions.lastTimeInForce);
        assertEquals(3, manager.nextClientOrderId());
    }

    /**
     * Given a resting bid of 5 lots at 100 sent at t = 0 (replace at 2 ticks or 3 lots, 50 ms minimum quote life),
     * a new target at {@code atMs} gives the expected action.
     */
    @ParameterizedTest(name = "bid {0} x {1} at {2} ms -> {3}")
    @CsvSource({
        "100, 5, 100, NONE",       // unchanged
        "101, 5, 100, NONE",       // |101 − 100| = 1 < 2 ticks
        "102, 5, 100, REPLACE",    // |102 − 100| = 2 >= 2 ticks
        " 98, 5, 100, REPLACE",    // |98 − 100| = 2, downwards too
        "100, 7, 100, NONE",       // |7 − 5| = 2 < 3 lots
        "100, 8, 100, REPLACE",    // |8 − 5| = 3 >= 3 lots
        "100, 2, 100, REPLACE",    // |2 − 5| = 3
        "102, 5,  49, NONE",       // age 49 ms < 50 ms: held by the minimum quote life
        "102, 5,  50, REPLACE",    // age 50 ms is not younger than 50 ms
        "  0, 0,  10, CANCEL",     // side dropped: cancelled at once whatever the quote's age
    })
    void workingBidAgainstANewTarget(final long price, final long quantity, final long atMs, final String expected)
    {
        // given
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);
        actions.reset();

        // when
        target.clear();
        if (quantity > 0)
        {
            target.bid(price, quantity);
        }
        final int sent = manager.onTarget(target, atMs * MS);

        // then
        switch (expected)
        {
            case "NONE":
                assertEquals(0, sent);
                assertEquals(0, actions.calls());
                assertEquals(OrderState.LIVE, orders.state(1));
                break;
            case "REPLACE":
                assertEquals(1, sent);
                assertEquals(1, actions.replaces);
                assertEquals(1, actions.lastOrigId);
                assertEquals(2, actions.lastId);
                assertEquals(price, actions.lastPrice);
                assertEquals(quantity, actions.lastQuantity);
                assertEquals(OrderState.PENDING_REPLACE, orders.state(1));
                break;
            case "CANCEL":
                assertEquals(1, sent);
                assertEquals(1, actions.cancels);
                assertEquals(1, actions.lastOrigId);
                assertEquals(OrderState.PENDING_CANCEL, orders.state(1));
                break;
            default:
                throw new IllegalArgumentException(expected);
        }
    }

    @Test
    void requestsInFlightAreNeverSentTwice()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5).ask(103, 5), 0);
        actions.reset();

        // not acked yet: a big move and a dropped side both wait
        assertEquals(0, manager.onTarget(target.clear().bid(90, 5), 100 * MS));
        assertEquals(0, actions.calls());
        assertEquals(2, manager.heldInFlight());

        // acked: the move is now a replace; while it is in flight nothing more is sent
        orders.onReport(1, ExecType.ACK, 0, 5);
        assertEquals(1, manager.onTarget(target.clear().bid(90, 5), 200 * MS));
        assertEquals(0, manager.onTarget(target.clear().bid(80, 5), 300 * MS));
        assertEquals(1, actions.replaces);
    }

    @Test
    void confirmedReplaceIsFollowedUnderItsNewId()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);
        manager.onTarget(target.clear().bid(110, 5), 100 * MS);      // replace 1 -> 2
        orders.onReport(2, ExecType.REPLACED, 0, 5);
        actions.reset();

        manager.onTarget(target.clear().bid(120, 5), 200 * MS);

        assertEquals(1, actions.replaces);
        assertEquals(2, actions.lastOrigId, "the second replace targets the id the first one gave");
        assertEquals(3, actions.lastId);
        assertEquals(0, actions.news, "no second order on the side");
    }

    @Test
    void rejectedReplaceKeepsQuotingFromTheOldOrder()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);
        manager.onTarget(target.clear().bid(110, 5), 100 * MS);      // replace 1 -> 2
        orders.onReport(2, ExecType.REJECTED, 0, 0);
        actions.reset();

        manager.onTarget(target.clear().bid(110, 5), 200 * MS);

        assertEquals(1, actions.replaces);
        assertEquals(1, actions.lastOrigId);
        assertEquals(0, actions.news);
    }

    @Test
    void filledOrderIsFollowedByANewOne()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);
        orders.onReport(1, ExecType.FILL, 5, 0);
        actions.reset();

        manager.onTarget(target.clear().bid(99, 5), 1 * MS);

        assertEquals(1, actions.news);
        assertEquals(2, actions.lastId);
        assertEquals(OrderState.PENDING_NEW, orders.state(2));
    }

    @Test
    void burstOfMovesIsLimitedByTheOneSecondWindow()
    {
        // 3 actions per second; every target moves 10 ticks and is confirmed at once; min quote life 50 ms
        final QuoteManager manager = manager(3);
        final long[] atMs = {0, 100, 200, 300, 999, 1000, 1050};
        final int[] expected = {1, 1, 1, 0, 0, 1, 0};
        // t=0 new; t=100, 200 replaces (window: 0, 100, 200 = 3); t=300 and t=999 throttled (0 > t − 1000 still in);
        // t=1000: the t=0 action leaves (0 <= 1000 − 1000) -> replace; t=1050: 100, 200, 1000 in window -> throttled
        for (int i = 0; i < atMs.length; i++)
        {
            final int sent = manager.onTarget(target.clear().bid(100 + 10 * i, 5), atMs[i] * MS);
            assertEquals(expected[i], sent, "at " + atMs[i] + " ms");
            confirmAll();
        }
        assertEquals(1, manager.newsSent());
        assertEquals(3, manager.replacesSent());
        assertEquals(3, manager.throttled());
    }

    @Test
    void cancelsGoEvenWhenTheWindowIsFullButCount()
    {
        final QuoteManager manager = manager(1);
        manager.onTarget(target.clear().bid(100, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);

        assertEquals(1, manager.onTarget(target.clear(), 10 * MS), "dropping a side is never throttled");
        orders.onReport(1, ExecType.CANCELLED, 0, 0);

        // window at 900 ms holds the new (0) and the cancel (10): full, so no new bid until both age out
        assertEquals(0, manager.onTarget(target.clear().bid(100, 5), 900 * MS));
        assertEquals(0, manager.onTarget(target.clear().bid(100, 5), 1000 * MS));
        assertEquals(1, manager.onTarget(target.clear().bid(100, 5), 1010 * MS));
    }

    @Test
    void refusalByTheNextStageRecordsNothingAndKeepsTheId()
    {
        final QuoteManager manager = manager(100);
        actions.refuse = true;

        assertEquals(0, manager.onTarget(target.clear().bid(100, 5), 0));
        assertEquals(0, orders.openOrderCount());
        assertEquals(1, manager.refusedByNextStage());

        actions.refuse = false;
        manager.onTarget(target.clear().bid(100, 5), 1 * MS);
        assertEquals(FIRST_ID, actions.lastId, "a refused request does not use up an id");
    }

    @Test
    void cancelAllCancelsWorkingOrdersOnceAndLeavesPendingOnes()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().bid(100, 5).ask(103, 5), 0);
        orders.onReport(1, ExecType.ACK, 0, 5);
        orders.onReport(2, ExecType.ACK, 0, 5);
        orders.onNewSent(50, Side.BUY, 95, 1, 0);                  // some other order, still pending new
        actions.reset();

        assertEquals(2, manager.cancelAll(10 * MS));
        assertEquals(0, manager.cancelAll(11 * MS), "pending cancels are not sent again");

        orders.onReport(50, ExecType.ACK, 0, 1);
        assertEquals(1, manager.cancelAll(12 * MS), "the late order is cancelled once it rests");
        assertEquals(3, actions.cancels);
        assertEquals(3, orders.inFlightCount());
    }

    @Test
    void takeOrderIsSentImmediateOrCancelOnlyOnce()
    {
        final QuoteManager manager = manager(100);

        manager.onTarget(target.clear().take(Side.SELL, 95, 2), 0);
        manager.onTarget(target.clear().take(Side.SELL, 95, 2), 1 * MS);

        assertEquals(1, actions.news);
        assertEquals(TimeInForce.IOC, actions.lastTimeInForce);
        assertEquals(Side.SELL, orders.side(1));

        orders.onReport(1, ExecType.CANCELLED, 0, 0);               // IOC rest cancelled
        assertNull(orders.state(1));
        manager.onTarget(target.clear().take(Side.SELL, 94, 2), 2 * MS);
        assertEquals(2, actions.news);
    }

    private void confirmAll()
    {
        for (int slot = 0; slot < orders.capacity(); slot++)
        {
            final OrderState state = orders.stateAt(slot);
            if (OrderState.PENDING_NEW == state)
            {
                orders.onReport(orders.clientOrderIdAt(slot), ExecType.ACK, 0, 5);
            }
            else if (OrderState.PENDING_REPLACE == state)
            {
                orders.onReport(orders.clientOrderIdAt(slot), ExecType.REPLACED, 0, 5);
            }
        }
    }

    /**
     * Records what the manager sends; can refuse everything like a risk gate would.
     */
    private static final class RecordingActions implements OrderActions
    {
        boolean refuse;
        int news;
        int cancels;
        int replaces;
        long lastId;
        long lastOrigId;
        long lastPrice;
        long lastQuantity;
        TimeInForce lastTimeInForce;

        void reset()
        {
            news = 0;
            cancels = 0;
            replaces = 0;
        }

        int calls()
        {
            return news + cancels + replaces;
        }

        @Override
        public boolean sendNew(
            final long clientOrderId, final Side side, final long price, final long quantity, final TimeInForce tif,
            final long timeNs)
        {
            if (refuse)
            {
                return false;
            }
            news++;
            lastId = clientOrderId;
            lastPrice = price;
            lastQuantity = quantity;
            lastTimeInForce = tif;
            return true;
        }

        @Override
        public boolean sendCancel(final long requestId, final long clientOrderId, final Side side, final long timeNs)
        {
            if (refuse)
            {
                return false;
            }
            cancels++;
            lastId = requestId;
            lastOrigId = clientOrderId;
            return true;
        }

        @Override
        public boolean sendReplace(
            final long newClientOrderId, final long origClientOrderId, final Side side, final long price,
            final long quantity, final long timeNs)
        {
            if (refuse)
            {
                return false;
            }
            replaces++;
            lastId = newClientOrderId;
            lastOrigId = origClientOrderId;
            lastPrice = price;
            lastQuantity = quantity;
            return true;
        }
    }
}
