package io.ticklane.microstructure.liquidity;

import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadFactorsTest
{
    private static final double TOLERANCE = 1e-12;

    private final SpreadTicks ticks = new SpreadTicks("spread_ticks");
    private final SpreadBps bps = new SpreadBps("spread_bps");
    private final SpreadChange change = new SpreadChange("spread_change");
    private final Market market = new Market(ticks, bps, change);

    @Test
    void spreadInTicksAndBasisPointsOfTheMid()
    {
        market.level(Side.BUY, 100, 5).level(Side.SELL, 103, 2).bookEvent(1);

        assertEquals(3.0, ticks.value());
        assertEquals(3.0 / 101.5 * 1e4, bps.value(), TOLERANCE); // mid (100 + 103) / 2 = 101.5
        assertTrue(Double.isNaN(change.value()), "no previous spread");
    }

    @Test
    void changeIsSinceThePreviousBookEventAndTradesLeaveIt()
    {
        market.level(Side.BUY, 100, 5).level(Side.SELL, 103, 2).bookEvent(1);
        market.level(Side.SELL, 102, 1).bookEvent(2);          // spread 3 -> 2
        assertEquals(-1.0, change.value());
        market.trade(3, 1, 1);
        assertEquals(-1.0, change.value(), "a trade is not a book event");
        market.level(Side.BUY, 101, 1).bookEvent(4);           // 2 -> 1
        assertEquals(-1.0, change.value());
        market.level(Side.BUY, 99, 7).bookEvent(5);            // a deep level: spread unchanged
        assertEquals(0.0, change.value());
    }

    @Test
    void aOneSidedBookHasNoSpreadAndTheNextChangeIsFromTheLastTwoSidedSpread()
    {
        market.level(Side.BUY, 100, 5).level(Side.SELL, 101, 2).bookEvent(1);
        market.level(Side.SELL, 101, 0).bookEvent(2);
        assertTrue(Double.isNaN(ticks.value()));
        assertTrue(Double.isNaN(bps.value()));
        assertTrue(Double.isNaN(change.value()));

        market.level(Side.SELL, 104, 3).bookEvent(3);          // spread 1 -> 4
        assertEquals(4.0, ticks.value());
        assertEquals(3.0, change.value());
    }
}
