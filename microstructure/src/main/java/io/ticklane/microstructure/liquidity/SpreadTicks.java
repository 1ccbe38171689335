package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Quoted spread in ticks, {@code bestAsk − bestBid}: the cost of a round trip at the touch and the room a market
 * maker has to quote inside. NaN while either side is empty. Source: the quoted spread as defined in Harris (2003,
 * "Trading and Exchanges", the chapter on bid/ask spreads). Read from the book on every event, so it is never stale.
 */
public final class SpreadTicks extends Factor
{
    private final Touch touch = new Touch();
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public SpreadTicks(final String id)
    {
        super(id);
    }

    public void onEvent(final MarketEvent event)
    {
        value = touch.read(event.book()) ? (double)touch.spread() : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
