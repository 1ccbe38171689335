package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TradeDepthTest
{
    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();
    private final TradeDepth depth = new TradeDepth();

    @Test
    void buyTradesAreMeasuredAboveAndSellTradesBelowTheMidOfTheBookBeforeThem()
    {
        // given bid 100, ask 102: mid 101
        book.setLevel(Side.BUY, 100, 5);
        book.setLevel(Side.SELL, 102, 5);
        depth.onEvent(event.book(1, 1, book));

        // when an L3-style execution empties the ask before the trade event is seen: the book at the trade shows
        // ask 104 (mid 102), but the reference stays 101
        book.setLevel(Side.SELL, 102, 0);
        book.setLevel(Side.SELL, 104, 5);
        final int buySide = depth.onEvent(event.trade(2, 2, book, 102, 5, 1, TradeType.REGULAR));
        final double buyDepth = depth.depth();
        final int sellSide = depth.onEvent(event.trade(3, 3, book, 99.5, 1, -1, TradeType.HIDDEN));

        // then
        assertEquals(TradeDepth.ASK, buySide);
        assertEquals(1.0, buyDepth);
        assertEquals(TradeDepth.BID, sellSide);
        assertEquals(1.5, depth.depth());
        assertEquals(1, depth.measured(TradeDepth.ASK));
        assertEquals(1, depth.measured(TradeDepth.BID));
    }

    @Test
    void tradesInsideTheMidWithUnknownAggressorOrBeforeABookAreExcludedAndCounted()
    {
        // given no book yet
        assertEquals(TradeDepth.NONE, depth.onEvent(event.trade(1, 1, book, 100, 1, 1, TradeType.REGULAR)));

        book.setLevel(Side.BUY, 100, 5);
        book.setLevel(Side.SELL, 101, 5);
        depth.onEvent(event.book(2, 2, book));

        // buy below the mid, sell above it, a cross with no aggressor, and a print at the mid (kept, δ = 0)
        assertEquals(TradeDepth.NONE, depth.onEvent(event.trade(3, 3, book, 100, 1, 1, TradeType.REGULAR)));
        assertEquals(TradeDepth.NONE, depth.onEvent(event.trade(4, 4, book, 101, 1, -1, TradeType.REGULAR)));
        assertEquals(TradeDepth.NONE, depth.onEvent(event.trade(5, 5, book, 101, 1, 0, TradeType.CROSS)));
        assertEquals(TradeDepth.ASK, depth.onEvent(event.trade(6, 6, book, 100.5, 1, 1, TradeType.REGULAR)));
        assertEquals(0.0, depth.depth());

        // a one-sided book clears the reference
        book.setLevel(Side.SELL, 101, 0);
        depth.onEvent(event.book(7, 7, book));
        assertEquals(TradeDepth.NONE, depth.onEvent(event.trade(8, 8, book, 99, 1, -1, TradeType.REGULAR)));

        assertEquals(2, depth.noReferenceMid());
        assertEquals(1, depth.insideMid(TradeDepth.ASK));
        assertEquals(1, depth.insideMid(TradeDepth.BID));
        assertEquals(1, depth.unknownAggressor());
        assertEquals(1, depth.measured(TradeDepth.ASK));
        assertEquals(0, depth.measured(TradeDepth.BID));
    }
}
