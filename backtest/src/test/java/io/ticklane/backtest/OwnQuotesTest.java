package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OwnQuotesTest
{
    @Test
    void bestQuotesFollowAcksReplacesAndRemovals()
    {
        final OwnQuotes quotes = new OwnQuotes();

        quotes.onLive(1, true, 100);
        quotes.onLive(2, true, 101);
        quotes.onLive(3, false, 105);
        assertEquals(101, quotes.bestBid());
        assertEquals(105, quotes.bestAsk());

        quotes.onReplaced(2, true, 99);
        assertEquals(100, quotes.bestBid());

        quotes.onDone(1);
        quotes.onDone(3);
        assertEquals(99, quotes.bestBid());
        assertEquals(OwnQuotes.NONE, quotes.bestAsk());
        assertEquals(1, quotes.size());
    }

    @Test
    void manyLiveOrdersGrowTheTable()
    {
        final OwnQuotes quotes = new OwnQuotes();
        for (int i = 0; i < 40; i++)
        {
            quotes.onLive(i, false, 200 - i);
        }
        assertEquals(161, quotes.bestAsk());
        assertEquals(40, quotes.size());
    }
}
