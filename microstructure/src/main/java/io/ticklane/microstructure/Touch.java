package io.ticklane.microstructure;

import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * The touch of a book as a factor sees it on one event: both best prices, read once, and whether the book is
 * two-sided. Most factors open the same way (read the best bid and ask, pass over a one-sided book, work with the mid
 * in half ticks, {@code bid + ask}, so it stays an exact long); this class is that opening, written once.
 * <p>
 * A small final object each factor owns, not a static method returning a sentinel: two prices can sum to any long,
 * so no sentinel could stand for "no mid" without changing some output, while a final class with two fields is
 * inlined by the JIT and costs neither a virtual call nor an allocation per event.
 */
public final class Touch
{
    private long bid = PriceLadder.NULL_PRICE;
    private long ask = PriceLadder.NULL_PRICE;

    /**
     * Reads the best bid and ask of the book.
     *
     * @param book the book after the event.
     * @return true when both sides have a price; the other accessors mean something only then.
     */
    public boolean read(final OrderBook book)
    {
        bid = book.bestBidPrice();
        ask = book.bestAskPrice();
        return PriceLadder.NULL_PRICE != bid && PriceLadder.NULL_PRICE != ask;
    }

    /**
     * @return best bid read last, ticks.
     */
    public long bid()
    {
        return bid;
    }

    /**
     * @return best ask read last, ticks.
     */
    public long ask()
    {
        return ask;
    }

    /**
     * @return {@code bid + ask}: the mid in half ticks, exact.
     */
    public long twiceMid()
    {
        return bid + ask;
    }

    /**
     * @return {@code ask - bid}: the quoted spread in ticks.
     */
    public long spread()
    {
        return ask - bid;
    }
}
