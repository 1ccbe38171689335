package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Mid price in ticks: {@code (bestBid + bestAsk) / 2}; NaN while either side is empty. The reference price of the
 * plain Avellaneda–Stoikov quoter and the base every other price factor is compared with.
 */
public final class MidPrice extends Factor
{
    private final Touch touch = new Touch();
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public MidPrice(final String id)
    {
        super(id);
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK == event.kind())
        {
            value = touch.read(event.book()) ? 0.5 * touch.twiceMid() : Double.NaN;
        }
    }

    public double value()
    {
        return value;
    }
}
