package io.ticklane.marketmaking.risk;

import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;

/**
 * Works a position to zero after an operator FLATTEN: per event, the one reducing order to send, a marketable limit
 * priced a collar through the touch (a long sells at best bid − collar, a short buys at best ask + collar) for
 * min(|position| − quantity already working to reduce it, maximum order size). Holds its answer in fields, read
 * back by the caller, so nothing is allocated.
 */
public final class Flattener
{
    private Side side = Side.NULL_VAL;
    private long price;
    private long quantity;

    /**
     * Computes the next reducing order.
     *
     * @param position      signed position, lots.
     * @param workingBuy    quantity of working buy orders, lots.
     * @param workingSell   quantity of working sell orders, lots.
     * @param bestBid       best bid, ticks, or {@link PriceLadder#NULL_PRICE}.
     * @param bestAsk       best ask, ticks, or {@link PriceLadder#NULL_PRICE}.
     * @param collarTicks   ticks through the touch the order may pay.
     * @param maxOrderQty   largest order, lots.
     * @return true if an order should be sent ({@link #side()}, {@link #price()}, {@link #quantity()}); false when
     *         flat, already working enough to get flat, or the touch needed is missing.
     */
    public boolean compute(
        final long position,
        final long workingBuy,
        final long workingSell,
        final long bestBid,
        final long bestAsk,
        final long collarTicks,
        final long maxOrderQty)
    {
        side = Side.NULL_VAL;
        price = 0;
        quantity = 0;
        if (position > 0)
        {
            final long remaining = position - workingSell;
            if (remaining <= 0 || PriceLadder.NULL_PRICE == bestBid)
            {
                return false;
            }
            side = Side.SELL;
            price = bestBid - collarTicks;
            quantity = Math.min(remaining, maxOrderQty);
            return true;
        }
        if (position < 0)
        {
            final long remaining = -position - workingBuy;
            if (remaining <= 0 || PriceLadder.NULL_PRICE == bestAsk)
            {
                return false;
            }
            side = Side.BUY;
            price = bestAsk + collarTicks;
            quantity = Math.min(remaining, maxOrderQty);
            return true;
        }
        return false;
    }

    /**
     * @return side of the last computed order, {@link Side#NULL_VAL} if none.
     */
    public Side side()
    {
        return side;
    }

    /**
     * @return limit price of the last computed order, ticks.
     */
    public long price()
    {
        return price;
    }

    /**
     * @return quantity of the last computed order, lots; 0 if none.
     */
    public long quantity()
    {
        return quantity;
    }
}
