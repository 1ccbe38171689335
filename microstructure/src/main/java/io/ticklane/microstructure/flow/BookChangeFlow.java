package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;

/**
 * Lots that arrived at and were cancelled from the top {@code levels} levels of each side in one BOOK event.
 * <p>
 * L3 events say it directly: ADD arrives its quantity, CANCEL and DELETE cancel theirs, EXECUTE and MODIFY are
 * neither (an execution is a trade; a modify gives the new order quantity, not the change). An order event counts
 * when its price is within the top {@code levels} levels of its side after the event (for a removed level: better
 * than the new last of those levels, i.e. it was within them before).
 * <p>
 * L2 books are inferred from the change of the top levels between consecutive BOOK events: at each price, an
 * increase is an arrival of that many lots, and a decrease is a cancel except for the part explained by trades at
 * that price on that side since the previous BOOK event (a buyer-initiated trade consumes the ask, a seller-initiated
 * one the bid, one with unknown aggressor either). A price that entered the top levels from deeper in the book is
 * not counted (its earlier quantity is unknown) unless the previous top levels covered it (it was better than their
 * last, or that side had fewer levels). The approximation misses arrivals and cancels that net out between two book
 * events, and counts an execution as a cancel when its trade is reported after the book change. Trades between
 * two book events are remembered in {@value #TRADE_SLOTS} (price, side) slots; prints between ticks match no level.
 * A BOOK event that is not an order event (a snapshot, also on an L3 book) is diffed the same way.
 */
final class BookChangeFlow
{
    private static final int TRADE_SLOTS = 64;
    private static final int SIDE_BID = -1;
    private static final int SIDE_ASK = 1;

    private final int levels;
    private final long[] bidP;
    private final long[] bidQ;
    private final long[] askP;
    private final long[] askQ;
    private int bidCount;
    private int askCount;
    private final long[] curP;
    private final long[] curQ;
    private boolean hasPrevious;

    private final long[] tradePrice = new long[TRADE_SLOTS];
    private final int[] tradeSide = new int[TRADE_SLOTS];
    private final long[] tradeQty = new long[TRADE_SLOTS];
    private int tradeCount;
    private long tradesDropped;

    private long arrived;
    private long cancelled;

    BookChangeFlow(final int levels)
    {
        this.levels = levels;
        bidP = new long[levels];
        bidQ = new long[levels];
        askP = new long[levels];
        askQ = new long[levels];
        curP = new long[levels];
        curQ = new long[levels];
    }

    /**
     * Updates with one event; {@link #arrived()} and {@link #cancelled()} then hold the lots of this event.
     *
     * @param event the event.
     */
    void onEvent(final MarketEvent event)
    {
        arrived = 0;
        cancelled = 0;
        if (MarketEvent.TRADE == event.kind())
        {
            recordTrade(event);
            return;
        }

        final PriceLadder bids = event.book().bids();
        final PriceLadder asks = event.book().asks();
        if (event.isOrderEvent())
        {
            countOrderEvent(event);
        }
        else if (hasPrevious)
        {
            diffSide(bids, bidP, bidQ, bidCount, SIDE_BID);
            diffSide(asks, askP, askQ, askCount, SIDE_ASK);
        }
        bidCount = bids.levels(bidP, bidQ, levels);
        askCount = asks.levels(askP, askQ, levels);
        hasPrevious = true;
        tradeCount = 0;
    }

    long arrived()
    {
        return arrived;
    }

    long cancelled()
    {
        return cancelled;
    }

    long tradesDropped()
    {
        return tradesDropped;
    }

    private void countOrderEvent(final MarketEvent event)
    {
        final L3EventType type = event.orderEventType();
        final boolean isArrival = L3EventType.ADD == type;
        if (!isArrival && L3EventType.CANCEL != type && L3EventType.DELETE != type)
        {
            return;
        }
        final boolean isBid = Side.BUY == event.orderSide();
        final PriceLadder ladder = isBid ? event.book().bids() : event.book().asks();
        final int count = ladder.levels(curP, curQ, levels);
        final long price = event.orderPrice();
        final boolean within = count < levels || (isBid ? price >= curP[levels - 1] : price <= curP[levels - 1]);
        if (within)
        {
            if (isArrival)
            {
                arrived += event.orderQuantity();
            }
            else
            {
                cancelled += event.orderQuantity();
            }
        }
    }

    private void diffSide(final PriceLadder ladder, final long[] prevP, final long[] prevQ, final int prevCount, final int side)
    {
        for (int i = 0; i < prevCount; i++)
        {
            account(prevP[i], side, ladder.quantity(prevP[i]) - prevQ[i]);
        }

        final int count = ladder.levels(curP, curQ, levels);
        final boolean wholeSideSeen = prevCount < levels;
        final long prevLast = prevCount > 0 ? prevP[prevCount - 1] : PriceLadder.NULL_PRICE;
        for (int j = 0; j < count; j++)
        {
            final long price = curP[j];
            if (contains(prevP, prevCount, price))
            {
                continue;
            }
            final boolean covered = wholeSideSeen || (SIDE_BID == side ? price > prevLast : price < prevLast);
            if (covered)
            {
                account(price, side, curQ[j]);
            }
        }
    }

    private void account(final long price, final int side, final long change)
    {
        if (change > 0)
        {
            arrived += change;
        }
        else if (change < 0)
        {
            cancelled += consumeTrades(price, side, -change);
        }
    }

    /**
     * @return the part of {@code decrease} not explained by recorded trades at the price and side.
     */
    private long consumeTrades(final long price, final int side, final long decrease)
    {
        long remaining = decrease;
        for (int k = 0; k < tradeCount && remaining > 0; k++)
        {
            if (tradePrice[k] == price && (tradeSide[k] == side || 0 == tradeSide[k]) && tradeQty[k] > 0)
            {
                final long take = Math.min(tradeQty[k], remaining);
                tradeQty[k] -= take;
                remaining -= take;
            }
        }
        return remaining;
    }

    private void recordTrade(final MarketEvent event)
    {
        final double tradePriceTicks = event.tradePrice();
        final long price = (long)tradePriceTicks;
        if (price != tradePriceTicks || event.tradeQuantity() <= 0)
        {
            return; // a print between ticks matches no level
        }
        // A buyer-initiated trade takes liquidity from the ask side, a seller-initiated one from the bid side.
        final int side = event.aggressor() > 0 ? SIDE_ASK : event.aggressor() < 0 ? SIDE_BID : 0;
        for (int k = 0; k < tradeCount; k++)
        {
            if (tradePrice[k] == price && tradeSide[k] == side)
            {
                tradeQty[k] += event.tradeQuantity();
                return;
            }
        }
        if (tradeCount == TRADE_SLOTS)
        {
            tradesDropped++;
            return;
        }
        tradePrice[tradeCount] = price;
        tradeSide[tradeCount] = side;
        tradeQty[tradeCount] = event.tradeQuantity();
        tradeCount++;
    }

    private static boolean contains(final long[] prices, final int count, final long price)
    {
        for (int i = 0; i < count; i++)
        {
            if (prices[i] == price)
            {
                return true;
            }
        }
        return false;
    }
}
