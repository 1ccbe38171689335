package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

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
        final OrderBook book = event.book();
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        if (PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask)
        {
            value = Double.NaN;
            return;
        }
        final long spread = ask - bid;
        value = hasSpread ? (double)(spread - lastSpread) : Double.NaN;
        lastSpread = spread;
        hasSpread = true;
    }

    public double value()
    {
        return value;
    }
}
