package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;

/**
 * Drives factors with hand-written events, without SBE: levels are set on an {@link L2Book} and each event is
 * handed straight to the factors, as {@link io.ticklane.microstructure.FactorEngine} would once the book is LIVE.
 */
final class FlowTape
{
    static final long MS = 1_000_000L;

    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();
    private final Factor[] factors;
    private long sequence;

    FlowTape(final Factor... factors)
    {
        this.factors = factors;
    }

    /**
     * Sets a level without publishing an event; 0 removes it.
     */
    FlowTape level(final Side side, final long price, final long quantity)
    {
        book.setLevel(side, price, quantity);
        return this;
    }

    FlowTape bid(final long price, final long quantity)
    {
        return level(Side.BUY, price, quantity);
    }

    FlowTape ask(final long price, final long quantity)
    {
        return level(Side.SELL, price, quantity);
    }

    /**
     * Publishes a BOOK event with the book as set.
     */
    FlowTape book(final long timeNs)
    {
        dispatch(event.book(timeNs, ++sequence, book));
        return this;
    }

    /**
     * Publishes an L3 BOOK event with the book as set.
     */
    FlowTape order(final long timeNs, final L3EventType type, final Side side, final long price, final long quantity)
    {
        dispatch(event.book(timeNs, ++sequence, book).orderEvent(type, side, price, quantity));
        return this;
    }

    /**
     * Publishes a TRADE event.
     */
    FlowTape trade(final long timeNs, final double price, final long quantity, final int aggressor)
    {
        dispatch(event.trade(timeNs, ++sequence, book, price, quantity, aggressor, TradeType.REGULAR));
        return this;
    }

    private void dispatch(final MarketEvent marketEvent)
    {
        for (final Factor factor : factors)
        {
            factor.onEvent(marketEvent);
        }
    }
}
