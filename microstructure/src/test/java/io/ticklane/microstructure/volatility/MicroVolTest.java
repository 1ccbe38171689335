package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicroVolTest
{
    private static final double TOLERANCE = 1e-12;

    @Test
    void isTheSampleStandardDeviationOfTheLastMidChangesInTicks()
    {
        final MicroVol vol = new MicroVol("m", 4);
        final Mids mids = new Mids(vol);
        mids.quote(1, 99, 101);  // mid 100
        mids.quote(2, 100, 102); // 101: +1
        mids.quote(3, 99, 103);  // 101: unchanged, not a change
        mids.quote(4, 100, 101); // 100.5: -0.5
        mids.quote(5, 101, 104); // 102.5: +2
        assertTrue(Double.isNaN(vol.value()), "three changes in a window of four");

        mids.quote(5, 101, 103); // 102: -0.5, same timestamp still counts in tick time
        // changes 1, -0.5, 2, -0.5: mean 0.5, squared deviations 0.25 + 1 + 2.25 + 1 = 4.5, variance 4.5 / 3
        assertEquals(Math.sqrt(1.5), vol.value(), TOLERANCE);

        mids.quote(6, 104, 106); // 105: +3, the +1 leaves
        // changes -0.5, 2, -0.5, 3: mean 1, squared deviations 2.25 + 1 + 2.25 + 4 = 9.5, variance 9.5 / 3
        assertEquals(Math.sqrt(9.5 / 3), vol.value(), TOLERANCE);
    }

    @Test
    void tradesDoNotMoveIt()
    {
        final MicroVol vol = new MicroVol("m", 2);
        final Mids mids = new Mids(vol);
        mids.quote(1, 99, 101);
        mids.quote(2, 100, 102);
        mids.quote(3, 99, 101);
        final double before = vol.value();
        final L2Book book = new L2Book(1);
        vol.onEvent(new MarketEvent().trade(4, 9, book, 100, 5, 1, TradeType.REGULAR));
        assertEquals(before, vol.value());
        assertEquals(Math.sqrt(2.0), before, TOLERANCE); // changes +1, -1: mean 0, variance (1 + 1) / 1
    }

    @Test
    void recoversTheStandardDeviationOfSimulatedTickJumps()
    {
        // given mid changes drawn uniformly from {-2, -1, +1, +2} ticks: mean 0, variance (4 + 1 + 1 + 4) / 4 = 2.5
        final MicroVol vol = new MicroVol("m", 5000);
        final Mids mids = new Mids(vol);
        final SplittableRandom random = new SplittableRandom(3);
        final long[] jumps = {-2, -1, 1, 2};
        long mid = 10_000;
        for (int i = 0; i < 20_000; i++)
        {
            mid += jumps[random.nextInt(4)];
            mids.twiceMid(i, 2 * mid);
        }

        // then the window's sample standard deviation is √2.5 within 3% (its standard error is about 0.6%)
        assertEquals(Math.sqrt(2.5), vol.value(), 0.03 * Math.sqrt(2.5));
    }

    @Test
    void windowNeedsTwoChanges()
    {
        assertThrows(IllegalArgumentException.class, () -> new MicroVol("m", 1));
    }
}
