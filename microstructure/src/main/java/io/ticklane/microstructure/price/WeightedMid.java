package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

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
            final long bid = book.bestBidPrice();
            final long ask = book.bestAskPrice();
            if (PriceLadder.NULL_PRICE == bid || PriceLadder.NULL_PRICE == ask)
            {
                value = Double.NaN;
                return;
            }
            final double bidQty = book.bids().bestQuantity();
            final double askQty = book.asks().bestQuantity();
            final double imbalance = bidQty / (bidQty + askQty);
            value = imbalance * ask + (1.0 - imbalance) * bid;
        }
    }

    public double value()
    {
        return value;
    }
}
