package io.ticklane.microstructure.liquidity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmihudIlliquidityTest
{
    private static final long MS = 1_000_000L;
    private static final double TOLERANCE = 1e-15;

    @Test
    void averagesAbsoluteReturnPerLotOverIntervalsWithVolume()
    {
        final AmihudIlliquidity amihud = new AmihudIlliquidity("a", 1000, 2);
        final Market market = new Market(amihud);
        market.quote(500 * MS, 99, 101);   // mid 100; interval 0 is partial
        market.trade(1100 * MS, 10, 1);
        market.quote(1500 * MS, 100, 102); // interval 1: |ln(101/100)| / 10
        market.trade(2200 * MS, 4, -1);
        market.trade(2300 * MS, 1, 0);     // unknown aggressor still counts as volume
        market.quote(2500 * MS, 98, 100);  // interval 2: |ln(99/101)| / 5
        assertTrue(Double.isNaN(amihud.value()), "interval 2 has not closed");

        market.quote(3000 * MS, 99, 101);  // closes interval 2; interval 3 moves to 100 without trades
        final double first = Math.log(1.01) / 10;
        final double second = Math.log(101.0 / 99.0) / 5;
        assertEquals((first + second) / 2, amihud.value(), TOLERANCE);

        market.trade(4100 * MS, 20, 1);    // interval 3 (no volume) is skipped when 4 begins; 4 has no mid change
        market.quote(5000 * MS, 99, 101);  // closes interval 4: 0 / 20
        assertEquals((second + 0.0) / 2, amihud.value(), TOLERANCE);
    }

    @Test
    void parametersMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new AmihudIlliquidity("a", 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new AmihudIlliquidity("a", 1000, 0));
    }
}
