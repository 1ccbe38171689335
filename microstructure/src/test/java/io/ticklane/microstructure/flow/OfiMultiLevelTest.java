package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ofi_ml} = sum_m e^m_n / D_n-1 with D_n-1 = (1/M) sum_m (qB_m + qA_m) / 2, worked by hand. The starting book
 * is bids 100x5, 99x3, 98x2 and asks 101x4, 102x6.
 */
class OfiMultiLevelTest
{
    private static final double EPS = 1e-12;

    private static FlowTape start(final OfiMultiLevel ofi)
    {
        return new FlowTape(ofi).bid(100, 5).bid(99, 3).bid(98, 2).ask(101, 4).ask(102, 6);
    }

    @Test
    void sizeChangesAtFixedPricesOnTwoLevels()
    {
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 2);
        start(ofi).book(0).bid(100, 8).ask(102, 10).book(1);
        // level 1: bid 5 -> 8: +3; ask 101x4 unchanged: 0. level 2: bid 99x3 unchanged: 0; ask 6 -> 10: -10 + 6 = -4.
        // sum = -1. D = ((5 + 4)/2 + (3 + 6)/2) / 2 = 4.5. ofi_ml = -1 / 4.5.
        assertEquals(-1.0 / 4.5, ofi.value(), EPS);
    }

    @Test
    void removingTheBestBidShiftsEveryLevelDown()
    {
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 2);
        start(ofi).book(0).bid(100, 0).book(1);
        // level 1: bid 100x5 -> 99x3, price down: -5. level 2: bid 99x3 -> 98x2, price down: -3. asks unchanged.
        // sum = -8, D = 4.5 as before.
        assertEquals(-8.0 / 4.5, ofi.value(), EPS);
    }

    @Test
    void oneLevelIsTheBestLevelFlowOverTheMeanTouchSize()
    {
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 1);
        start(ofi).book(0).bid(100, 7).ask(101, 0).book(1);
        // bid 100x5 -> 100x7: +7 - 5 = +2; ask 101x4 -> 102x6, price up: +4. sum = 6.
        // D = (5 + 4) / 2 = 4.5.
        assertEquals(6.0 / 4.5, ofi.value(), EPS);
    }

    @Test
    void missingLevelsHaveDepthZeroAndArriveFromInfinity()
    {
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 3);
        start(ofi).bid(98, 0).book(0).bid(98, 2).book(1);
        // before: bids 100x5, 99x3, none; asks 101x4, 102x6, none.
        // level 3 bid: empty (-inf, 0) -> 98x2: price up, +2. Everything else unchanged.
        // D = ((5 + 4)/2 + (3 + 6)/2 + (0 + 0)/2) / 3 = 3.
        assertEquals(2.0 / 3.0, ofi.value(), EPS);
    }

    @Test
    void nanUntilTheSecondBookEventZeroOnTradesNanWithNoDepth()
    {
        final OfiMultiLevel ofi = new OfiMultiLevel("ofi_ml", 2);
        final FlowTape tape = new FlowTape(ofi);
        tape.book(0);
        assertTrue(Double.isNaN(ofi.value()));
        tape.bid(100, 5).book(1);
        assertTrue(Double.isNaN(ofi.value()), "the book before had no depth: D = 0");
        tape.trade(2, 100, 1, -1);
        assertEquals(0.0, ofi.value());
        tape.ask(101, 2).book(3);
        // ask level 1: empty -> 101x2: -2. D = (5 + 0 + 0 + 0) / 4 = 1.25.
        assertEquals(-2.0 / 1.25, ofi.value(), EPS);
    }

    @Test
    void levelsAreValidated()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_ml(levels=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_ml(levels=11)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_ml(levels=two)"));
        assertThrows(IllegalArgumentException.class, () -> new OfiMultiLevel("ofi_ml", 11));
    }
}
