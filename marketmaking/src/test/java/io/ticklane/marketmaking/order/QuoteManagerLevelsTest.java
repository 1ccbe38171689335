package io.ticklane.marketmaking.order;

import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quote manager's level mode (the grid quoter's): per side, orders at prices a level still wants are kept, the
 * others cancelled, the missing levels placed; nothing is replaced. Ids are handed out from 1 in the order requests
 * are accepted, so every expected id below is counted by hand.
 */
class QuoteManagerLevelsTest
{
    private static final long MS = 1_000_000L;
    private static final long MIN_LIFE_MS = 50;

    private final Orders orders = new Orders(16);
    private final Recording actions = new Recording();
    private final TargetQuote target = new TargetQuote();

    private QuoteManager manager(final int maxOrdersPerSecond)
    {
        return new QuoteManager(orders, actions, 1, 1, MIN_LIFE_MS, maxOrdersPerSecond, TimeInForce.POST_ONLY, 1, true);
    }

    private void ackAll(final long fromId, final long toId)
    {
        for (long id = fromId; id <= toId; id++)
        {
            assertEquals(OrderUpdate.APPLIED, orders.onReport(id, ExecType.ACK, 0, orders.leavesQuantity(id)));
        }
    }

    @Test
    void noWorkingOrdersPlacesEveryLevelBestFirstBidsThenAsks()
    {
        final QuoteManager manager = manager(100);

        final int sent = manager.onTarget(target.clear().addBid(100, 2).addBid(99, 2).addBid(98, 2)
            .addAsk(101, 3).addAsk(102, 3), 0);

        assertEquals(5, sent);
        assertEquals(List.of("new 1 BUY 100x2", "new 2 BUY 99x2", "new 3 BUY 98x2", "new 4 SELL 101x3", "new 5 SELL 102x3"),
            actions.log);
        assertEquals(3, orders.openOrderCount(Side.BUY));
        assertEquals(2, orders.openOrderCount(Side.SELL));
        assertEquals(0, manager.replacesSent());
    }

    /**
     * Bids 100/99/98 and asks 101/102 rest; the grid moves up a tick to bids 101/100/99 and asks 102/103: 98 and 101
     * are cancelled, 100, 99 and 102 kept (queue position), 101 bid and 103 ask placed. Cancels of a side go first.
     */
    @Test
    void aMovedGridKeepsTheOrdersAtPricesStillWantedCancelsTheRestAndAddsTheMissingLevels()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addBid(100, 2).addBid(99, 2).addBid(98, 2).addAsk(101, 3).addAsk(102, 3), 0);
        ackAll(1, 5);
        actions.log.clear();

        final int sent = manager.onTarget(target.clear().addBid(101, 2).addBid(100, 2).addBid(99, 2)
            .addAsk(102, 3).addAsk(103, 3), 10 * MS);

        assertEquals(4, sent);
        assertEquals(List.of("cancel 3 (request 6)", "new 7 BUY 101x2", "cancel 4 (request 8)", "new 9 SELL 103x3"),
            actions.log);
        assertEquals(OrderState.LIVE, orders.state(1));
        assertEquals(OrderState.LIVE, orders.state(2));
        assertEquals(OrderState.LIVE, orders.state(5));
        assertEquals(OrderState.PENDING_CANCEL, orders.state(3));
        assertEquals(OrderState.PENDING_CANCEL, orders.state(4));
        assertEquals(0, manager.replacesSent());
        assertEquals(0, manager.heldByQuoteLife(), "a grid move is not held by the minimum quote life");

        // the same target again sends nothing: every level has its order, the cancelled ones are on their way out
        actions.log.clear();
        assertEquals(0, manager.onTarget(target, 20 * MS));
        assertEquals(List.of(), actions.log);
    }

    @Test
    void aPartlyFilledLevelIsKeptWhateverItsLeaves()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addBid(100, 5), 0);
        ackAll(1, 1);
        orders.onReport(1, ExecType.PARTIAL_FILL, 3, 2);
        actions.log.clear();

        assertEquals(0, manager.onTarget(target.clear().addBid(100, 5), 10 * MS));
        assertEquals(List.of(), actions.log);
        assertEquals(OrderState.PARTIALLY_FILLED, orders.state(1));
    }

    @Test
    void ordersInFlightAreLeftAloneAndAPendingNewAtAWantedPriceIsThatLevel()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addBid(100, 1).addBid(99, 1), 0);
        actions.log.clear();

        // not acked: 100 is still wanted (counts as its level), 99 is not but cannot be cancelled yet; 98 is new
        assertEquals(1, manager.onTarget(target.clear().addBid(100, 1).addBid(98, 1), MS));
        assertEquals(List.of("new 3 BUY 98x1"), actions.log);
        assertEquals(1, manager.heldInFlight());

        // acked: now 99 is cancelled; a level whose order is being cancelled gets a new order
        ackAll(1, 3);
        actions.log.clear();
        assertEquals(1, manager.onTarget(target.clear().addBid(100, 1).addBid(98, 1), 2 * MS));
        assertEquals(List.of("cancel 2 (request 4)"), actions.log);
        actions.log.clear();
        assertEquals(1, manager.onTarget(target.clear().addBid(100, 1).addBid(99, 1).addBid(98, 1), 3 * MS));
        assertEquals(List.of("new 5 BUY 99x1"), actions.log);
    }

    @Test
    void aDroppedSideIsCancelledAtOnceWhateverTheAgeOfItsOrders()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addBid(100, 1).addBid(99, 1).addAsk(101, 1), 0);
        ackAll(1, 3);
        actions.log.clear();

        assertEquals(2, manager.onTarget(target.clear().addAsk(101, 1), MS)); // 1 ms old, min life 50 ms

        assertEquals(List.of("cancel 1 (request 4)", "cancel 2 (request 5)"), actions.log);
        assertEquals(OrderState.LIVE, orders.state(3));
    }

    @Test
    void aSecondOrderAtAWantedPriceIsCancelled()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addBid(100, 1).addBid(100, 1), 0);
        ackAll(1, 2);
        actions.log.clear();

        assertEquals(1, manager.onTarget(target.clear().addBid(100, 1), MS));

        assertEquals(1, actions.log.size());
        assertEquals(1, orders.openOrderCount(Side.BUY) - countPendingCancel(Side.BUY));
    }

    @Test
    void theTakeOrderIsNotALevel()
    {
        final QuoteManager manager = manager(100);
        manager.onTarget(target.clear().addAsk(105, 1).take(Side.SELL, 99, 2), 0);
        assertEquals(List.of("new 1 SELL 105x1", "new 2 SELL 99x2"), actions.log);
        ackAll(1, 2); // an IOC acked and not yet filled or cancelled
        actions.log.clear();

        assertEquals(0, manager.onTarget(target.clear().addAsk(105, 1), MS));

        assertEquals(List.of(), actions.log);
        assertEquals(OrderState.LIVE, orders.state(2));
    }

    @Test
    void levelsBeyondTheThrottleWaitForRoomInTheWindow()
    {
        final QuoteManager manager = manager(3);

        assertEquals(3, manager.onTarget(target.clear().addBid(100, 1).addBid(99, 1).addBid(98, 1).addBid(97, 1)
            .addAsk(101, 1), 0));
        assertEquals(2, manager.throttled());
        assertEquals(0, manager.onTarget(target, 500 * MS));
        assertEquals(2, manager.onTarget(target, 1_000 * MS));
        assertEquals(List.of("new 1 BUY 100x1", "new 2 BUY 99x1", "new 3 BUY 98x1", "new 4 BUY 97x1", "new 5 SELL 101x1"),
            actions.log);
    }

    private int countPendingCancel(final Side side)
    {
        int count = 0;
        for (int slot = 0; slot < orders.capacity(); slot++)
        {
            if (side == orders.sideAt(slot) && OrderState.PENDING_CANCEL == orders.stateAt(slot))
            {
                count++;
            }
        }
        return count;
    }

    private static final class Recording implements OrderActions
    {
        final List<String> log = new ArrayList<>();

        @Override
        public boolean sendNew(
            final long clientOrderId, final Side side, final long price, final long quantity, final TimeInForce tif,
            final long timeNs)
        {
            log.add("new " + clientOrderId + " " + side + " " + price + "x" + quantity);
            return true;
        }

        @Override
        public boolean sendCancel(final long requestId, final long clientOrderId, final Side side, final long timeNs)
        {
            log.add("cancel " + clientOrderId + " (request " + requestId + ")");
            return true;
        }

        @Override
        public boolean sendReplace(
            final long newClientOrderId, final long origClientOrderId, final Side side, final long price,
            final long quantity, final long timeNs)
        {
            log.add("replace " + origClientOrderId + " -> " + newClientOrderId);
            return true;
        }
    }
}
