package io.ticklane.microstructure.liquidity;

import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepthWithinBpsTest
{
    @Test
    void sumsBothSidesInsideTheBandBoundariesIncluded()
    {
        // mid 10000, 10 bps -> ±10 ticks: bids >= 9990, asks <= 10010
        final DepthWithinBps depth = new DepthWithinBps("d", 10);
        final Market market = new Market(depth);
        market.level(Side.BUY, 9999, 5).level(Side.BUY, 9990, 7).level(Side.BUY, 9989, 100)
            .level(Side.SELL, 10001, 4).level(Side.SELL, 10010, 6).level(Side.SELL, 10011, 50)
            .bookEvent(1);

        assertEquals(5 + 7 + 4 + 6, depth.value());
    }

    @Test
    void aLevelExactlyOnTheEdgeStaysInsideDespiteRounding()
    {
        // mid 10000, 3 bps -> ±3 ticks exactly, though 10000 · (3 / 10⁴) is 2.9999999999999996 in doubles
        final DepthWithinBps depth = new DepthWithinBps("d", 3);
        final Market market = new Market(depth);
        market.level(Side.BUY, 9999, 1).level(Side.BUY, 9997, 2).level(Side.BUY, 9996, 50)
            .level(Side.SELL, 10001, 1).level(Side.SELL, 10003, 3).level(Side.SELL, 10004, 70)
            .bookEvent(1);
        assertEquals(1 + 2 + 1 + 3, depth.value());
    }

    @Test
    void aSpreadWiderThanTheBandLeavesNothingInIt()
    {
        // mid 10000, 10 bps -> ±10 ticks, but the touches are 20 ticks away
        final DepthWithinBps depth = new DepthWithinBps("d", 10);
        final Market market = new Market(depth);
        market.level(Side.BUY, 9980, 5).level(Side.SELL, 10020, 4).bookEvent(1);
        assertEquals(0.0, depth.value());
    }

    @Test
    void bandAroundAHalfTickMidIsMeasuredFromTheMid()
    {
        // mid 10000.5, 5 bps -> ±5.00025 ticks: bids >= 9995.49975 (so 9996), asks <= 10005.50025 (so 10005)
        final DepthWithinBps depth = new DepthWithinBps("d", 5);
        final Market market = new Market(depth);
        market.level(Side.BUY, 10000, 1).level(Side.BUY, 9996, 2).level(Side.BUY, 9995, 40)
            .level(Side.SELL, 10001, 3).level(Side.SELL, 10005, 4).level(Side.SELL, 10006, 80)
            .bookEvent(1);
        assertEquals(1 + 2 + 3 + 4, depth.value());
    }

    @Test
    void noMidNoValueAndBpsMustBePositive()
    {
        final DepthWithinBps depth = new DepthWithinBps("d", 10);
        new Market(depth).level(Side.BUY, 100, 5).bookEvent(1);
        assertTrue(Double.isNaN(depth.value()));
        assertThrows(IllegalArgumentException.class, () -> new DepthWithinBps("d", 0));
    }
}
