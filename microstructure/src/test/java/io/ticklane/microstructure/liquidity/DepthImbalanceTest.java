package io.ticklane.microstructure.liquidity;

import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepthImbalanceTest
{
    private static final double TOLERANCE = 1e-12;

    @Test
    void countsNonEmptyLevelsFromTheTouch()
    {
        final DepthImbalance two = new DepthImbalance("i2", 2);
        final DepthImbalance five = new DepthImbalance("i5", 5);
        final Market market = new Market(two, five);
        market.level(Side.BUY, 100, 5).level(Side.BUY, 99, 3).level(Side.BUY, 97, 10)
            .level(Side.SELL, 101, 2).level(Side.SELL, 104, 4).level(Side.SELL, 105, 100)
            .bookEvent(1);

        // k = 2: bids 5 + 3 = 8, asks 2 + 4 = 6 -> (8 - 6) / 14
        assertEquals(2.0 / 14.0, two.value(), TOLERANCE);
        // k = 5, fewer levels: bids 18, asks 106 -> (18 - 106) / 124
        assertEquals(-88.0 / 124.0, five.value(), TOLERANCE);
    }

    @Test
    void aOneSidedBookIsFullyImbalancedAndAnEmptyOneHasNoValue()
    {
        final DepthImbalance imbalance = new DepthImbalance("i", 3);
        final Market market = new Market(imbalance);
        market.bookEvent(1);
        assertTrue(Double.isNaN(imbalance.value()));
        market.level(Side.SELL, 101, 2).bookEvent(2);
        assertEquals(-1.0, imbalance.value());
    }

    @Test
    void levelsMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new DepthImbalance("i", 0));
    }
}
