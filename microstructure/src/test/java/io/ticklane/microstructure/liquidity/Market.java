package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;

/**
 * Test driver: a book the test edits level by level, and BOOK and TRADE events sent to factors.
 */
final class Market
{
    final L2Book book = new L2Book(1, 1 << 12);
    private final MarketEvent event = new MarketEvent();
    private final Factor[] factors;
    private long bid = Long.MIN_VALUE;
    private long ask = Long.MIN_VALUE;
    private long sequence;

    Market(final Factor... factors)
    {
        this.factors = factors;
    }

    Market level(final Side side, final long price, final long quantity)
    {
        book.setLevel(side, price, quantity);
        return this;
    }

    void bookEvent(final long timeNs)
    {
        send(event.book(timeNs, ++sequence, book));
    }

    /** Replaces the touch with one level of 10 on each side and sends a BOOK event. */
    void quote(final long timeNs, final long newBid, final long newAsk)
    {
        if (Long.MIN_VALUE != bid)
        {
            book.setLevel(Side.BUY, bid, 0);
            book.setLevel(Side.SELL, ask, 0);
        }
        bid = newBid;
        ask = newAsk;
        book.setLevel(Side.BUY, bid, 10);
        book.setLevel(Side.SELL, ask, 10);
        bookEvent(timeNs);
    }

    /** Quotes a one- or two-tick spread around a mid given as twice the mid in ticks. */
    void twiceMid(final long timeNs, final long twiceMid)
    {
        final long newBid = (twiceMid - 1) >> 1;
        quote(timeNs, newBid, twiceMid - newBid);
    }

    void trade(final long timeNs, final long quantity, final int aggressor)
    {
        send(event.trade(timeNs, ++sequence, book, 0.5 * (bid + ask), quantity, aggressor, TradeType.REGULAR));
    }

    private void send(final MarketEvent marketEvent)
    {
        for (final Factor factor : factors)
        {
            factor.onEvent(marketEvent);
        }
    }
}
