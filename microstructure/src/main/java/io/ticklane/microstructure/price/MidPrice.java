package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * Mid price in ticks: {@code (bestBid + bestAsk) / 2}; NaN while either side is empty. The reference price of the
 * plain Avellaneda–Stoikov quoter and the base every other price factor is compared with.
 */
public final class MidPrice extends Factor
{
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
            final OrderBook book = event.book();
            final long bid = book.bestBidPrice();
            final long ask = book.bestAskPrice();
            value = PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask ? Double.NaN : 0.5 * (bid + ask);
        }
    }

    public double value()
    {
        return value;
    }
}
