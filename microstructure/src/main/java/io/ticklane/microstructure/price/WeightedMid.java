package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;
import io.ticklane.orderbook.OrderBook;

/**
 * Imbalance-weighted mid in ticks: {@code I * P_a + (1 - I) * P_b} with {@code I = Q_b / (Q_b + Q_a)} from the
 * best-level quantities; equivalently {@code mid + (I - 1/2) * spread}. Exists as the cheapest imbalance-aware
 * reference price and as the baseline the micro-price improves on (Stoikov 2018, §2: the weighted mid is noisy and
 * jumps when a queue depletes; Gatheral &amp; Oomen 2010 call it the micro-price of their paper).
 * <p>
 * Updated on BOOK events only; NaN while either side is empty. No warm-up beyond a two-sided book.
 */
public final class WeightedMid extends Factor
{
    private final Touch touch = new Touch();
    private double value = Double.NaN;

    /**
     * @param id factor id.
     */
    public WeightedMid(final String id)
    {
        super(id);
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK == event.kind())
        {
            final OrderBook book = event.book();
            if (!touch.read(book))
            {
                value = Double.NaN;
                return;
            }
            final double bidQty = book.bids().bestQuantity();
            final double askQty = book.asks().bestQuantity();
            final double imbalance = bidQty / (bidQty + askQty);
            value = imbalance * touch.ask() + (1.0 - imbalance) * touch.bid();
        }
    }

    public double value()
    {
        return value;
    }
}
