package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentFillsTest
{
    @Test
    void remembersTheLastFillsByOrderAndExecIdAndForgetsTheOldestWhenFull()
    {
        final RecentFills fills = new RecentFills(8);
        for (long execId = 1; execId <= 20; execId++)
        {
            fills.add(execId % 3, execId, Side.BUY, 100 + execId, execId);
        }

        assertEquals(8, fills.size());
        assertEquals(12, fills.forgotten());
        for (long execId = 1; execId <= 12; execId++)
        {
            assertEquals(-1, fills.find(execId % 3, execId), "forgotten: " + execId);
        }
        for (long execId = 13; execId <= 20; execId++)
        {
            final int at = fills.find(execId % 3, execId);
            assertTrue(at >= 0, "remembered: " + execId);
            assertTrue(fills.sameContent(at, Side.BUY, 100 + execId, execId));
            assertFalse(fills.sameContent(at, Side.SELL, 100 + execId, execId));
            assertFalse(fills.sameContent(at, Side.BUY, 100 + execId, execId + 1));
        }
        assertEquals(-1, fills.find(14 % 3 + 1, 14), "the pair is the key: another order's exec id 14 is not this one");
    }

    @Test
    void findsEveryRememberedFillThroughLongRunsOfEvictionWhateverTheirHashes()
    {
        // many more fills than places, from one order and from many: the index must never lose or invent an entry
        final RecentFills fills = new RecentFills(5);
        for (long i = 0; i < 10_000; i++)
        {
            final long orderId = 0 == i % 2 ? 42 : i;
            fills.add(orderId, i * 7919, Side.SELL, i, 1);
            for (long back = 0; back < 5 && back <= i; back++)
            {
                final long j = i - back;
                assertTrue(fills.find(0 == j % 2 ? 42 : j, j * 7919) >= 0, "fill " + j + " after adding " + i);
            }
            if (i >= 5)
            {
                final long gone = i - 5;
                assertEquals(-1, fills.find(0 == gone % 2 ? 42 : gone, gone * 7919), "fill " + gone + " after " + i);
            }
        }
    }
}
