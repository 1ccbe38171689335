package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;

/**
 * Test driver: a one-level book on each side whose mid the test sets directly, fed to factors as BOOK events.
 */
final class Mids
{
    private final L2Book book = new L2Book(1, 1 << 12);
    private final MarketEvent event = new MarketEvent();
    private final Factor[] factors;
    private long bid = Long.MIN_VALUE;
    private long ask = Long.MIN_VALUE;
    private long sequence;

    Mids(final Factor... factors)
    {
        this.factors = factors;
    }

    /**
     * Quotes bid and ask so that (bid + ask) = twiceMid with a one- or two-tick spread, then sends a BOOK event.
     */
    void twiceMid(final long timeNs, final long twiceMid)
    {
        final long newBid = (twiceMid - 1) >> 1;
        quote(timeNs, newBid, twiceMid - newBid);
    }

    void mid(final long timeNs, final double mid)
    {
        twiceMid(timeNs, Math.round(2.0 * mid));
    }

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
        event.book(timeNs, ++sequence, book);
        for (final Factor factor : factors)
        {
            factor.onEvent(event);
        }
    }
}
