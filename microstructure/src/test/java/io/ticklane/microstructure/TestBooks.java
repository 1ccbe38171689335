package io.ticklane.microstructure;

import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Small books for factor tests: a LIVE L2 book whose top of book is set directly, and the BOOK event for it.
 */
public final class TestBooks
{
    /** Instrument of every test book. */
    public static final int INSTRUMENT = 7;

    private final L2Book book = new L2Book(INSTRUMENT, 1 << 12);
    private final MarketEvent event = new MarketEvent();
    private long bid = Long.MIN_VALUE;
    private long ask = Long.MIN_VALUE;
    private long sequence;

    /**
     * A LIVE, empty book (an empty snapshot applied).
     */
    public TestBooks()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final L2SnapshotEncoder encoder = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .exchangeTimeNs(0).receiveTimeNs(0).instrumentId(INSTRUMENT).sequence(0);
        encoder.levelsCount(0);
        book.onSnapshot(new L2SnapshotDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()));
    }

    /**
     * @return the book.
     */
    public L2Book book()
    {
        return book;
    }

    /**
     * Replaces the top of book (removing the previous best levels) without allocating.
     *
     * @param bidPrice bid in ticks.
     * @param bidQty   bid lots; 0 leaves the bid side empty.
     * @param askPrice ask in ticks.
     * @param askQty   ask lots; 0 leaves the ask side empty.
     * @return this.
     */
    public TestBooks top(final long bidPrice, final long bidQty, final long askPrice, final long askQty)
    {
        if (Long.MIN_VALUE != bid)
        {
            book.setLevel(Side.BUY, bid, 0);
        }
        if (Long.MIN_VALUE != ask)
        {
            book.setLevel(Side.SELL, ask, 0);
        }
        book.setLevel(Side.BUY, bidPrice, bidQty);
        book.setLevel(Side.SELL, askPrice, askQty);
        bid = bidPrice;
        ask = askPrice;
        return this;
    }

    /**
     * @param timeNs event time.
     * @return a BOOK event for the book as it stands (the same instance each call).
     */
    public MarketEvent event(final long timeNs)
    {
        return event.book(timeNs, ++sequence, book);
    }

    /**
     * Sets the top of book and returns its BOOK event.
     *
     * @param timeNs   event time.
     * @param bidPrice bid in ticks.
     * @param bidQty   bid lots.
     * @param askPrice ask in ticks.
     * @param askQty   ask lots.
     * @return the event.
     */
    public MarketEvent at(final long timeNs, final long bidPrice, final long bidQty, final long askPrice, final long askQty)
    {
        return top(bidPrice, bidQty, askPrice, askQty).event(timeNs);
    }

    /**
     * @param timeNs event time.
     * @return a TRADE event on the book as it stands.
     */
    public MarketEvent trade(final long timeNs)
    {
        return event.trade(timeNs, ++sequence, book, 0.5 * (bid + ask), 1, 1, io.ticklane.sbe.TradeType.REGULAR);
    }
}
