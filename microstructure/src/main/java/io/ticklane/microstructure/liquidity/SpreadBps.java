package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Relative quoted spread in basis points of the mid, {@code (ask − bid) / ((ask + bid) / 2) × 10⁴}: the spread
 * comparable across instruments and price levels (Harris 2003, "Trading and Exchanges", the chapter on bid/ask
 * spreads: the proportional quoted spread). Both prices in ticks, so the tick size cancels. NaN while either side
 * is empty or the mid is not positive. Read from the book on every event.
 */
public final class SpreadBps extends Factor
{
    private final Touch touch = new Touch();
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public SpreadBps(final String id)
    {
        super(id);
    }

    public void onEvent(final MarketEvent event)
    {
        if (!touch.read(event.book()) || touch.twiceMid() <= 0)
        {
            value = Double.NaN;
        }
        else
        {
            value = 2.0e4 * (double)touch.spread() / (double)touch.twiceMid();
        }
    }

    public double value()
    {
        return value;
    }
}
