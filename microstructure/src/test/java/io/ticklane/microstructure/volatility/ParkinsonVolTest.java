package io.ticklane.microstructure.volatility;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParkinsonVolTest
{
    private static final long MS = 1_000_000L;
    private static final double TOLERANCE = 1e-12;

    @Test
    void averagesTheRangeVarianceOfCompletedWindowsPerSecond()
    {
        final ParkinsonVol vol = new ParkinsonVol("p", 1000, 2);
        final Mids mids = new Mids(vol);
        mids.mid(500 * MS, 100);   // window 0 is partial: not used
        mids.mid(1200 * MS, 102);  // window 1 opens at 100 (carried in)
        mids.mid(1500 * MS, 99);
        mids.mid(1900 * MS, 101);  // window 1: H = 102, L = 99
        mids.mid(2300 * MS, 101);  // closes window 1; window 2 opens at 101
        assertTrue(Double.isNaN(vol.value()), "one window of two completed");

        mids.mid(2600 * MS, 103);  // window 2: H = 103, L = 101
        mids.mid(3000 * MS, 103);  // closes window 2
        final double var1 = sq(Math.log(102.0 / 99.0)) / (4 * Math.log(2));
        final double var2 = sq(Math.log(103.0 / 101.0)) / (4 * Math.log(2));
        assertEquals(Math.sqrt((var1 + var2) / 2 / 1.0), vol.value(), TOLERANCE);

        mids.mid(5100 * MS, 103);  // closes window 3 (H = L = 103) and window 4, which had no event: both range 0
        assertEquals(0.0, vol.value(), TOLERANCE);
    }

    @Test
    void aWindowsRangeIncludesTheMidCarriedIntoIt()
    {
        final ParkinsonVol vol = new ParkinsonVol("p", 1000, 1);
        final Mids mids = new Mids(vol);
        mids.mid(900 * MS, 100);
        mids.mid(1100 * MS, 104);  // window 1 opens at 100, rises to 104
        mids.mid(2100 * MS, 104);  // closes window 1 with H = 104, L = 100
        assertEquals(Math.log(1.04) / Math.sqrt(4 * Math.log(2)), vol.value(), TOLERANCE);
    }

    @Test
    void recoversTheVolatilityOfABrownianMid()
    {
        // given σ = 0.001 per √s around 10⁶ ticks, sampled every 1 ms (31.6 ticks a step), 1 s windows, K = 400
        final double sigma = 0.001;
        final ParkinsonVol vol = new ParkinsonVol("p", 1000, 400);
        final Mids mids = new Mids(vol);
        final SplittableRandom random = new SplittableRandom(11);
        double logMid = Math.log(1e6);
        final double stepSd = sigma * Math.sqrt(0.001);
        for (long ms = 0; ms <= 401_000; ms++)
        {
            logMid += stepSd * RealizedVolEwmaTest.gaussian(random);
            mids.mid(ms * MS, Math.exp(logMid));
        }

        // then within 7%: the estimator's standard error over 400 windows is about 1.6% of σ, and seeing the path at
        // 1,000 points a window biases the range low by about 2 × 0.58 σ√(1 ms) (Broadie, Glasserman & Kou 1997), 2.3%
        assertEquals(sigma, vol.value(), 0.07 * sigma);
    }

    @Test
    void parametersMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new ParkinsonVol("p", 0, 20));
        assertThrows(IllegalArgumentException.class, () -> new ParkinsonVol("p", 1000, 0));
    }

    private static double sq(final double x)
    {
        return x * x;
    }
}
