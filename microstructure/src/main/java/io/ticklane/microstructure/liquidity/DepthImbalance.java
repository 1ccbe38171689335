package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;

/**
 * Depth imbalance over the best k levels of each side, in [−1, 1]: positive when resting buy interest outweighs sell
 * interest, a short-horizon predictor of the next mid move (Cao, Hansch &amp; Wang 2009, "The information content of
 * an open limit-order book", J. Futures Markets 29(1), the order imbalance of the first k steps of the book).
 * <pre>
 *   imbalance = (Σ<sub>i&lt;k</sub> bidQty<sub>i</sub> − Σ<sub>i&lt;k</sub> askQty<sub>i</sub>) / (Σ bidQty + Σ askQty)
 * </pre>
 * Levels are non-empty price levels counted from the touch (not ticks); a side with fewer than k levels contributes
 * what it has, an empty side 0 (so a one-sided book gives ±1). NaN when both sides are empty. O(k) per event.
 */
public final class DepthImbalance extends Factor
{
    private final int levels;
    private final long[] prices;
    private final long[] quantities;
    private double value = Double.NaN;

    /**
     * @param id     factor id.
     * @param levels levels per side, positive.
     */
    public DepthImbalance(final String id, final int levels)
    {
        super(id);
        if (levels <= 0)
        {
            throw new IllegalArgumentException("levels must be positive: " + levels);
        }
        this.levels = levels;
        this.prices = new long[levels];
        this.quantities = new long[levels];
    }

    public void onEvent(final MarketEvent event)
    {
        final OrderBook book = event.book();
        final long bidDepth = depth(book.bids().levels(prices, quantities, levels));
        final long askDepth = depth(book.asks().levels(prices, quantities, levels));
        final long total = bidDepth + askDepth;
        value = 0 == total ? Double.NaN : (double)(bidDepth - askDepth) / (double)total;
    }

    public double value()
    {
        return value;
    }

    private long depth(final int copied)
    {
        long sum = 0;
        for (int i = 0; i < copied; i++)
        {
            sum += quantities[i];
        }
        return sum;
    }
}
