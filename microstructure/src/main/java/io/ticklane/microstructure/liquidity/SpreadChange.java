package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Change of the quoted spread in ticks caused by the latest BOOK event, s(t) − s(t−1) with s = ask − bid: a
 * widening is liquidity withdrawn (often ahead of a move), a narrowing is liquidity supplied; it is the first
 * difference of {@link SpreadTicks}, no paper needed.
 * <p>
 * Definition choices: updated on BOOK events only and compared with the spread after the previous BOOK event (0 when
 * it did not change); TRADE events leave the value as it was. An event with a one-sided book gives NaN and the next
 * two-sided one is compared with the last two-sided spread seen. Warm-up: NaN until two BOOK events with both sides.
 */
public final class SpreadChange extends Factor
{
    private final Touch touch = new Touch();
    private boolean hasSpread;
    private long lastSpread;
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public SpreadChange(final String id)
    {
        super(id);
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            return;
        }
        if (!touch.read(event.book()))
        {
            value = Double.NaN;
            return;
        }
        final long spread = touch.spread();
        value = hasSpread ? (double)(spread - lastSpread) : Double.NaN;
        lastSpread = spread;
        hasSpread = true;
    }

    public double value()
    {
        return value;
    }
}
