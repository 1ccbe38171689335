package io.ticklane.microstructure.volatility;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealizedVolWindowTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double TOLERANCE = 1e-12;

    @Test
    void isTheSquareRootOfSummedSquaredReturnsOverTheTimeTheySpan()
    {
        final RealizedVolWindow vol = new RealizedVolWindow("v", 2);
        final Mids mids = new Mids(vol);
        mids.mid(0, 100);
        mids.mid(SECOND, 101);
        assertTrue(Double.isNaN(vol.value()), "one change in a window of two");

        mids.mid(3 * SECOND, 100);
        // r1 = ln(101/100), r2 = ln(100/101) = -r1, T = 1 s + 2 s
        final double r1 = Math.log(1.01);
        assertEquals(Math.sqrt(2 * r1 * r1 / 3), vol.value(), TOLERANCE);

        mids.mid(4 * SECOND, 99);
        // oldest change leaves: r2 over 2 s, r3 = ln(99/100) over 1 s
        final double r3 = Math.log(0.99);
        assertEquals(Math.sqrt((r1 * r1 + r3 * r3) / 3), vol.value(), TOLERANCE);
    }

    @Test
    void changesAtOneTimestampReplaceTheLatestObservationOrRemoveIt()
    {
        final RealizedVolWindow vol = new RealizedVolWindow("v", 2);
        final Mids mids = new Mids(vol);
        mids.mid(0, 100);
        mids.mid(SECOND, 101);
        mids.mid(3 * SECOND, 100);
        mids.mid(3 * SECOND, 102); // the observation at 3 s becomes 101 -> 102 over 2 s
        final double r1 = Math.log(1.01);
        final double r2 = Math.log(102.0 / 101.0);
        assertEquals(Math.sqrt((r1 * r1 + r2 * r2) / 3), vol.value(), TOLERANCE);

        mids.mid(3 * SECOND, 101); // back to the mid before 3 s: the observation is removed
        assertTrue(Double.isNaN(vol.value()));

        mids.mid(4 * SECOND, 99); // measured from 101 at 1 s: r = ln(99/101) over 3 s
        final double r3 = Math.log(99.0 / 101.0);
        assertEquals(Math.sqrt((r1 * r1 + r3 * r3) / 4), vol.value(), TOLERANCE);
    }

    @Test
    void recoversTheVolatilityOfABrownianMidSampledAtRandomTimes()
    {
        // given σ = 0.001 per √s around 10⁶ ticks and exponential inter-arrival times of mean 10 ms
        final double sigma = 0.001;
        final RealizedVolWindow vol = new RealizedVolWindow("v", 2000);
        final Mids mids = new Mids(vol);
        final SplittableRandom random = new SplittableRandom(7);
        double logMid = Math.log(1e6);
        long timeNs = 0;
        mids.mid(timeNs, 1e6);

        // when 5,000 changes have passed (the window holds the last 2,000)
        for (int i = 0; i < 5000; i++)
        {
            final long dtNs = 1 + (long)(-Math.log(1.0 - random.nextDouble()) * 10_000_000.0);
            timeNs += dtNs;
            logMid += sigma * Math.sqrt(dtNs / 1e9) * RealizedVolEwmaTest.gaussian(random);
            mids.mid(timeNs, Math.exp(logMid));
        }

        // then the estimate is within 6% of σ (standard error of √(Σr²/T) with 2,000 returns: about 2%)
        assertEquals(sigma, vol.value(), 0.06 * sigma);
    }

    @Test
    void windowNeedsTwoChanges()
    {
        assertThrows(IllegalArgumentException.class, () -> new RealizedVolWindow("v", 1));
    }
}
