package io.ticklane.marketmaking.quote;

import io.ticklane.orderbook.PriceLadder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grid: N levels a side, D ticks apart, on the multiples of D strictly either side of the mid; every expected price
 * below is worked out by hand.
 */
class GridQuoterTest
{
    private final QuoterRegistry registry = QuoterRegistry.standard();
    private final TargetQuote out = new TargetQuote();

    @ParameterizedTest(name = "best {0}/{1}, step {2} -> first bid {3}, first ask {4}")
    @CsvSource({
        // bid, ask, step, first bid, first ask
        "100, 101,  1, 100, 101",   // mid 100.5: the touch itself
        "100, 102,  1, 100, 102",   // mid 101 is a grid price: neither side quotes there
        "100, 103,  1, 101, 102",   // mid 101.5: inside the spread, one tick each side
        "100, 101, 10, 100, 110",   // mid 100.5: 100 below, 110 above
        "104, 105, 10, 100, 110",   // mid 104.5: rounded away from the mid to the grid
        "109, 111, 10, 100, 120",   // mid 110 is a grid price: strictly below and above
        " -5,  -4,  3,  -6,  -3",   // negative prices round the same way (floor, not towards zero)
    })
    void firstLevelsAreTheGridPricesStrictlyEitherSideOfTheMid(
        final long bestBid, final long bestAsk, final int step, final long bid, final long ask)
    {
        registry.create("grid(levels=3,step_ticks=" + step + ",size=2)").quote(new QuoteInputs().touch(bestBid, bestAsk), out);

        assertEquals(3, out.bidLevels());
        assertEquals(3, out.askLevels());
        for (int i = 0; i < 3; i++)
        {
            assertEquals(bid - i * step, out.bidPrice(i), "bid level " + i);
            assertEquals(ask + i * step, out.askPrice(i), "ask level " + i);
            assertEquals(2, out.bidQuantity(i));
            assertEquals(2, out.askQuantity(i));
        }
        assertEquals(bid, out.bidPrice());
        assertEquals(ask, out.askPrice());
        assertEquals(0.5 * (bestBid + bestAsk), out.reservationPrice(), 0.0);
        assertEquals(0.5 * (ask - bid), out.halfSpread(), 0.0);
        assertEquals(0.0, out.skew(), 0.0);
    }

    @Test
    void aWholeGridFromTheDefaultsIsFiveOneLotLevelsOneTickApart()
    {
        registry.create("grid").quote(new QuoteInputs().touch(5000, 5001), out);

        assertEquals(5, out.bidLevels());
        assertEquals(5, out.askLevels());
        assertEquals(4996, out.bidPrice(4));
        assertEquals(5005, out.askPrice(4));
        assertEquals(1, out.bidQuantity(4));
    }

    /**
     * cap_levels=true (default), P = 10, Q = 3, N = 4: ⌊(10 − q)/3⌋ bids and ⌊(10 + q)/3⌋ asks, at most 4.
     */
    @ParameterizedTest(name = "q = {0} -> {1} bids, {2} asks")
    @CsvSource({
        "  0, 3, 3",   // 10/3 = 3 each: 9 lots more is the worst case, within 10
        "  1, 3, 3",   // 9/3 and 11/3
        "  2, 2, 4",   // 8/3 = 2; 12/3 = 4
        "  7, 1, 4",   // 3/3 = 1; 17/3 = 5, capped at 4
        "  8, 0, 4",   // 2 lots of room: not one level of 3
        " 10, 0, 4",   // at the limit
        " 12, 0, 4",   // beyond it (a fill of an order sent earlier)
        " -8, 4, 0",
    })
    void levelsAreCutToThoseThatKeepTheWorstCaseWithinMaxPosition(final long q, final int bids, final int asks)
    {
        registry.create("grid(levels=4,step_ticks=2,size=3,max_position=10)")
            .quote(new QuoteInputs().touch(100, 101).inventory(q), out);

        assertEquals(bids, out.bidLevels());
        assertEquals(asks, out.askLevels());
        if (bids > 0)
        {
            assertEquals(100, out.bidPrice(0)); // the levels kept are the ones nearest the mid
        }
        if (asks > 0)
        {
            assertEquals(102, out.askPrice(0));
        }
    }

    /**
     * cap_levels=false: the rule of touch and fixed (and of hftbacktest's example): every level while q &lt; P, none
     * at or above it.
     */
    @ParameterizedTest(name = "q = {0} -> {1} bids, {2} asks")
    @CsvSource({
        "  0, 4, 4",
        "  9, 4, 4",   // one lot below the limit: all four levels of 3 still rest (worst case 21)
        " 10, 0, 4",
        "-10, 4, 0",
    })
    void withoutCappingASideHasEveryLevelOrNone(final long q, final int bids, final int asks)
    {
        registry.create("grid(levels=4,size=3,max_position=10,cap_levels=false)")
            .quote(new QuoteInputs().touch(100, 101).inventory(q), out);

        assertEquals(bids, out.bidLevels());
        assertEquals(asks, out.askLevels());
    }

    @Test
    void noTwoSidedUncrossedBookMeansNoQuote()
    {
        final Quoter grid = registry.create("grid(levels=2)");
        for (final QuoteInputs in : new QuoteInputs[] {
            new QuoteInputs().touch(PriceLadder.NULL_PRICE, 101),
            new QuoteInputs().touch(100, PriceLadder.NULL_PRICE),
            new QuoteInputs().touch(101, 101),
            new QuoteInputs().touch(102, 101)})
        {
            grid.quote(in, out.bid(1, 1).ask(2, 1));
            assertFalse(out.hasBid());
            assertFalse(out.hasAsk());
            assertTrue(Double.isNaN(out.reservationPrice()));
        }
    }

    @Test
    void sizesGoThroughTheShaper()
    {
        registry.create("grid(levels=2,size=7,lot=5)").quote(new QuoteInputs().touch(100, 101), out);

        assertEquals(5, out.bidQuantity(1));
        assertEquals(5, out.askQuantity(1));
    }

    @Test
    void badParametersAreErrorsNamingTheParameter()
    {
        final IllegalArgumentException tooMany =
            assertThrows(IllegalArgumentException.class, () -> registry.create("grid(levels=17)"));
        assertTrue(tooMany.getMessage().contains("levels"), tooMany.getMessage());
        assertTrue(tooMany.getMessage().contains("16"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.create("grid(levels=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("grid(step_ticks=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("grid(cap_levels=yes)"));
        final IllegalArgumentException zero =
            assertThrows(IllegalArgumentException.class, () -> registry.create("grid(size=3,lot=5)"));
        assertTrue(zero.getMessage().contains("size"), zero.getMessage());
    }
}
