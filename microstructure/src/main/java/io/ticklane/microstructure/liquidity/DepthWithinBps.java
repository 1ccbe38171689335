package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;
import io.ticklane.orderbook.OrderBook;

/**
 * Resting quantity within x basis points of the mid, both sides summed, in lots: how much can trade before the price
 * moves x bps, the "market depth" of Kyle (1985) measured directly on the book, as in the depth-at-distance measures of
 * exchanges' liquidity reports (e.g. "depth within 10 bps"); cf. Harris 2003, "Trading and Exchanges", the chapter on
 * liquidity: depth as one of its dimensions.
 * <pre>
 *   d = mid · x / 10⁴  (ticks);   depth = Σ<sub>bid p ≥ mid − d</sub> qty(p) + Σ<sub>ask p ≤ mid + d</sub> qty(p)
 * </pre>
 * Definition choices: summed over both sides (use {@code depth_imbalance} for the split); the band is inclusive (to
 * within 10⁻⁹ tick, so rounding of mid · x / 10⁴ never drops a level on the edge) and measured from the mid, not from
 * each touch, so when the half-spread exceeds d the value is 0. NaN while either side is empty (there is no mid).
 * Cost: O(ticks inside the band on each side), bounded by the ladder window.
 */
public final class DepthWithinBps extends Factor
{
    /** A level exactly on the band's edge stays inside whatever the rounding of mid · x / 10⁴. */
    private static final double BOUNDARY_TOLERANCE_TICKS = 1e-9;

    private final Touch touch = new Touch();
    private final double fraction;
    private double value = Double.NaN;

    /**
     * @param id  factor id.
     * @param bps half-width of the band around the mid in basis points, positive.
     */
    public DepthWithinBps(final String id, final double bps)
    {
        super(id);
        if (!(bps > 0))
        {
            throw new IllegalArgumentException("bps must be positive: " + bps);
        }
        this.fraction = bps / 10_000.0;
    }

    public void onEvent(final MarketEvent event)
    {
        final OrderBook book = event.book();
        if (!touch.read(book))
        {
            value = Double.NaN;
            return;
        }

        final double mid = 0.5 * (double)touch.twiceMid();
        final double halfWidth = mid * fraction;
        final long lowestBid = (long)Math.ceil(mid - halfWidth - BOUNDARY_TOLERANCE_TICKS);
        final long highestAsk = (long)Math.floor(mid + halfWidth + BOUNDARY_TOLERANCE_TICKS);
        long depth = 0;
        if (lowestBid <= touch.bid())
        {
            depth += book.bids().depthWithin(ticks(touch.bid() - lowestBid));
        }
        if (highestAsk >= touch.ask())
        {
            depth += book.asks().depthWithin(ticks(highestAsk - touch.ask()));
        }
        value = (double)depth;
    }

    public double value()
    {
        return value;
    }

    private static int ticks(final long distance)
    {
        return distance > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int)distance;
    }
}
