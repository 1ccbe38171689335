package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;

/**
 * An order arriving at the venue (new, or replaced at a new price): it takes the book's opposite levels at their
 * prices, best first, up to what each displays less what our own earlier taking removed from it
 * ({@link TakenLiquidity}); then its remainder rests behind the queue the {@link QueueModel} puts ahead of it, or
 * is cancelled (MARKET, IOC, FOK). Also answers the questions asked before an order is accepted: would it take, and
 * how much could it take.
 */
final class TakerMatching
{
    private static final long NO_LIMIT_BUY = Long.MAX_VALUE;
    private static final long NO_LIMIT_SELL = Long.MIN_VALUE + 1;

    private final OrderBook book;
    private final VenueClock clock;
    private final VenueOrders orders;
    private final TakenLiquidity taken;
    private final Fills fills;
    private final ReportEncoder reports;
    private final QueueModel queueModel;
    private final long[] price;
    private final long[] leaves;
    private final long[] ahead;
    private final long[] tradedAtPrice;
    private final long[] levelQuantity;
    private final Side[] side;
    private final TimeInForce[] timeInForce;
    private final OrderType[] orderType;

    TakerMatching(
        final OrderBook book,
        final VenueClock clock,
        final VenueOrders orders,
        final TakenLiquidity taken,
        final Fills fills,
        final ReportEncoder reports,
        final QueueModel queueModel)
    {
        this.book = book;
        this.clock = clock;
        this.orders = orders;
        this.taken = taken;
        this.fills = fills;
        this.reports = reports;
        this.queueModel = queueModel;
        this.price = orders.price;
        this.leaves = orders.leaves;
        this.ahead = orders.ahead;
        this.tradedAtPrice = orders.tradedAtPrice;
        this.levelQuantity = orders.levelQuantity;
        this.side = orders.side;
        this.timeInForce = orders.timeInForce;
        this.orderType = orders.orderType;
    }

    /**
     * Takes what the order can from the book, then rests the remainder or cancels it (IOC, FOK, MARKET). The slot
     * is not in a live list on entry.
     */
    void takeThenRest(final int slot)
    {
        final Side orderSide = side[slot];
        final PriceLadder opposite = Side.BUY == orderSide ? book.asks() : book.bids();
        if (BookState.LIVE == book.state())
        {
            final long limit = limitOf(slot);
            final boolean buy = Side.BUY == orderSide;
            final int levels = opposite.levelCount();
            long levelPrice = opposite.bestPrice();
            int seen = 0;
            while (leaves[slot] > 0 && seen < levels && (buy ? levelPrice <= limit : levelPrice >= limit))
            {
                final long displayed = opposite.quantity(levelPrice);
                if (displayed > 0)
                {
                    seen++;
                    final long takeable = displayed - taken.takenAt(!buy, levelPrice, displayed);
                    if (takeable > 0)
                    {
                        final long fillQuantity = Math.min(leaves[slot], takeable);
                        taken.record(!buy, levelPrice, displayed, fillQuantity);
                        fills.fill(slot, fillQuantity, levelPrice, false);
                    }
                }
                levelPrice += buy ? 1 : -1;
            }
        }

        if (0 == leaves[slot])
        {
            orders.release(slot);
        }
        else if (OrderType.MARKET == orderType[slot] || TimeInForce.IOC == timeInForce[slot] || TimeInForce.FOK == timeInForce[slot])
        {
            cancel(slot);
        }
        else
        {
            final long displayed = book.side(orderSide).quantity(price[slot]);
            ahead[slot] = queueModel.aheadOnArrival(displayed);
            levelQuantity[slot] = displayed;
            tradedAtPrice[slot] = 0;
            orders.rest(slot, clock.nowNs());
        }
    }

    /**
     * Cancels an order the venue holds, reports it and frees its slot; it must be in no live list.
     */
    void cancel(final int slot)
    {
        leaves[slot] = 0;
        reports.report(slot, ExecType.CANCELLED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
        orders.release(slot);
    }

    /**
     * @return true when the book is live and an order of that side and limit would take.
     */
    boolean isMarketable(final Side orderSide, final long limit)
    {
        if (BookState.LIVE != book.state())
        {
            return false;
        }
        if (Side.BUY == orderSide)
        {
            final long ask = book.bestAskPrice();
            return PriceLadder.NULL_PRICE != ask && ask <= limit;
        }
        final long bid = book.bestBidPrice();
        return PriceLadder.NULL_PRICE != bid && bid >= limit;
    }

    /**
     * @return lots an order of that side could take up to {@code limit}, net of what we already took.
     */
    long available(final Side orderSide, final long limit)
    {
        if (BookState.LIVE != book.state())
        {
            return 0;
        }
        final boolean buy = Side.BUY == orderSide;
        final PriceLadder opposite = buy ? book.asks() : book.bids();
        final int levels = opposite.levelCount();
        long levelPrice = opposite.bestPrice();
        long total = 0;
        int seen = 0;
        while (seen < levels && (buy ? levelPrice <= limit : levelPrice >= limit))
        {
            final long displayed = opposite.quantity(levelPrice);
            if (displayed > 0)
            {
                seen++;
                total += displayed - taken.takenAt(!buy, levelPrice, displayed);
            }
            levelPrice += buy ? 1 : -1;
        }
        return total;
    }

    /**
     * @return the order's limit price; a MARKET order's is the far end of the book.
     */
    long limitOf(final int slot)
    {
        if (OrderType.MARKET == orderType[slot])
        {
            return Side.BUY == side[slot] ? NO_LIMIT_BUY : NO_LIMIT_SELL;
        }
        return price[slot];
    }
}
