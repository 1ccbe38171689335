package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Horizons 1 s and 10 s. Mids are given doubled (bid + ask).
 * <ol>
 *     <li>0 s: buy at 100, mid 101: edge +1.</li>
 *     <li>before 1.5 s the mid is 103: the buy's 1 s markout is +(103 − 101) = +2.</li>
 *     <li>2 s: sell at 104, mid 103: edge −(103 − 104) = +1.</li>
 *     <li>before 3.5 s the mid is 100: the sell's 1 s markout is −(100 − 103) = +3.</li>
 *     <li>data ends at 10 s, mid 105: the buy's 10 s markout is +(105 − 101) = +4; the sell's (due 12 s) is
 *     excluded.</li>
 * </ol>
 * Means: 1 s (2 + 3) / 2 = 2.5; 10 s 4 (one excluded); edge 1.
 */
class MarkoutsTest
{
    private static final long S = 1_000_000_000L;

    @Test
    void markoutsAreSignedMidMovesPerHorizonAndLateHorizonsAreExcluded()
    {
        final Markouts markouts = new Markouts(S, 10 * S);

        markouts.advance(0, 202);
        markouts.onFill(0, 1, 100, 202);
        assertEquals(S, markouts.nextDueNs());
        markouts.advance(S / 2, 202);
        assertEquals(0, markouts.count(0));
        markouts.advance(3 * S / 2, 206);
        markouts.onFill(2 * S, -1, 104, 206);
        markouts.advance(7 * S / 2, 200);
        markouts.finish(10 * S, 210);

        assertEquals(2, markouts.count(0));
        assertEquals(2.5, markouts.mean(0).value(), 1e-12);
        assertEquals(0, markouts.excluded(0));
        assertEquals(1, markouts.count(1));
        assertEquals(4, markouts.mean(1).value(), 1e-12);
        assertEquals(1, markouts.excluded(1));
        assertEquals(1, markouts.meanEdge().value(), 1e-12);
    }

    @Test
    void aMarkoutDueExactlyAtTheNextEventWaitsForThatEvent()
    {
        final Markouts markouts = new Markouts(S);
        markouts.onFill(0, 1, 100, 200);

        markouts.advance(S, 204);

        assertEquals(0, markouts.count(0));
        markouts.advance(S + 1, 208);
        assertEquals(4, markouts.mean(0).value(), 1e-12);
    }

    @Test
    void fillWithoutATwoSidedBookIsCountedApart()
    {
        final Markouts markouts = new Markouts(S);

        markouts.onFill(0, 1, 100, Long.MIN_VALUE);
        markouts.finish(5 * S, 200);

        assertEquals(1, markouts.withoutMid());
        assertFalse(markouts.mean(0).defined());
        assertFalse(markouts.meanEdge().defined());
    }
}
