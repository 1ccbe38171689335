package io.ticklane.perf.jmh.reference;

import io.ticklane.sbe.Side;

import java.util.Map;
import java.util.TreeMap;

/**
 * The L2 book most Java code starts with: one {@code TreeMap<Long, Long>} of price to quantity per side. It is the
 * yardstick for {@code L2Book}: same absolute-quantity semantics (0 removes the level), same queries.
 */
public final class TreeMapL2Book
{
    /** Price returned when a side is empty, as in {@code PriceLadder.NULL_PRICE}. */
    public static final long NULL_PRICE = Long.MIN_VALUE;

    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();

    /**
     * @param side     BUY for bids, SELL for asks.
     * @param price    in ticks.
     * @param quantity absolute quantity; 0 removes the level.
     */
    public void setLevel(final Side side, final long price, final long quantity)
    {
        final TreeMap<Long, Long> levels = Side.BUY == side ? bids : asks;
        if (0 == quantity)
        {
            levels.remove(price);
        }
        else
        {
            levels.put(price, quantity);
        }
    }

    /**
     * @return highest bid price, or {@link #NULL_PRICE}.
     */
    public long bestBidPrice()
    {
        return bids.isEmpty() ? NULL_PRICE : bids.lastKey();
    }

    /**
     * @return lowest ask price, or {@link #NULL_PRICE}.
     */
    public long bestAskPrice()
    {
        return asks.isEmpty() ? NULL_PRICE : asks.firstKey();
    }

    /**
     * @return quantity at the best bid, 0 when there is none.
     */
    public long bestBidQuantity()
    {
        final Map.Entry<Long, Long> best = bids.lastEntry();
        return null == best ? 0 : best.getValue();
    }

    /**
     * @return quantity at the best ask, 0 when there is none.
     */
    public long bestAskQuantity()
    {
        final Map.Entry<Long, Long> best = asks.firstEntry();
        return null == best ? 0 : best.getValue();
    }

    /**
     * Copies up to {@code maxLevels} levels from the touch, best first.
     *
     * @param side       BUY for bids, SELL for asks.
     * @param prices     receives prices.
     * @param quantities receives quantities.
     * @param maxLevels  most levels to copy.
     * @return levels copied.
     */
    public int levels(final Side side, final long[] prices, final long[] quantities, final int maxLevels)
    {
        final Map<Long, Long> fromTouch = Side.BUY == side ? bids.descendingMap() : asks;
        int copied = 0;
        for (final Map.Entry<Long, Long> level : fromTouch.entrySet())
        {
            if (copied == maxLevels)
            {
                break;
            }
            prices[copied] = level.getKey();
            quantities[copied] = level.getValue();
            copied++;
        }
        return copied;
    }

    /**
     * @return number of levels on both sides.
     */
    public int levelCount()
    {
        return bids.size() + asks.size();
    }
}
