package io.ticklane.microstructure.volatility;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealizedVolEwmaTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double TOLERANCE = 1e-12;

    @Test
    void afterOneHalfLifeTheValueIsTheSingleReturnPerRootSecond()
    {
        // given half-life 1 s: decay over Δt = 1 s is exp(-ln 2) = 1/2, so v = r²/2 and w = 1/2
        final RealizedVolEwma vol = new RealizedVolEwma("v", 1000);
        final Mids mids = new Mids(vol);
        mids.mid(0, 100);

        // when the mid moves 100 -> 101 one second later
        mids.mid(SECOND, 101);

        // then σ = √(v / w) = |r| / √(1 s) = ln(1.01)
        assertEquals(Math.log(1.01), vol.value(), TOLERANCE);
    }

    @Test
    void aSecondObservationIsWeightedByTheTimeItCovers()
    {
        final RealizedVolEwma vol = new RealizedVolEwma("v", 1000);
        final Mids mids = new Mids(vol);
        mids.mid(0, 100);
        mids.mid(SECOND, 101);     // r1 = ln(1.01), Δt 1 s: v = r1²/2, w = 1/2
        mids.mid(3 * SECOND, 100); // r2 = -r1, Δt 2 s: decay = 1/4

        // v = 1/4 · r1²/2 + 3/4 · r1²/2 = r1²/2; w = 1/4 · 1/2 + 3/4 = 7/8; σ = r1 · √(4/7)
        final double r1 = Math.log(1.01);
        assertEquals(r1 * Math.sqrt(4.0 / 7.0), vol.value(), TOLERANCE);
    }

    @Test
    void changesAtOneTimestampAreOneObservationEndingAtTheLastMid()
    {
        final RealizedVolEwma vol = new RealizedVolEwma("v", 1000);
        final Mids mids = new Mids(vol);
        mids.mid(0, 100);
        mids.mid(SECOND, 101);
        mids.mid(SECOND, 102); // same timestamp: the observation becomes 100 -> 102 over 1 s
        assertEquals(Math.log(1.02), vol.value(), TOLERANCE);

        mids.mid(SECOND, 101); // still the same timestamp: 100 -> 101
        assertEquals(Math.log(1.01), vol.value(), TOLERANCE);

        mids.mid(SECOND, 100); // back to where it was before the timestamp: no observation at all
        assertTrue(Double.isNaN(vol.value()));

        // the next change is measured from the mid of 100 at t = 0: Δt = 3 s, decay 1/8,
        // v = 7/8 · r²/3, w = 7/8, σ = r / √3
        mids.mid(3 * SECOND, 101);
        assertEquals(Math.log(1.01) / Math.sqrt(3.0), vol.value(), TOLERANCE);
    }

    @Test
    void isNaNUntilTheObservationsSpanOneHalfLife()
    {
        final RealizedVolEwma vol = new RealizedVolEwma("v", 1000);
        final Mids mids = new Mids(vol);
        assertTrue(Double.isNaN(vol.value()));
        mids.mid(0, 100);
        mids.mid(SECOND / 2, 101); // w = 1 - 2^(-1/2) ≈ 0.29
        assertTrue(Double.isNaN(vol.value()));
        mids.mid(SECOND / 2 + SECOND / 4, 101); // the mid did not change: not an observation
        assertTrue(Double.isNaN(vol.value()));
        mids.mid(SECOND + SECOND / 100, 100); // w = 1 - 2^(-1.01) > 1/2
        assertTrue(vol.value() > 0);
    }

    @Test
    void recoversTheVolatilityOfABrownianMidSampledAtRandomTimes()
    {
        // given a log-mid with σ = 0.001 per √s around 10⁶ ticks, seen at exponential inter-arrival times (mean 10 ms):
        // each return has standard deviation σ√Δt ≈ 100 ticks, so rounding to half ticks adds nothing visible
        final double sigma = 0.001;
        final RealizedVolEwma vol = new RealizedVolEwma("v", 30_000);
        final Mids mids = new Mids(vol);
        final SplittableRandom random = new SplittableRandom(42);
        double logMid = Math.log(1e6);
        long timeNs = 0;
        mids.mid(timeNs, 1e6);

        // when 600 s of events have passed (EWMA with τ = 43 s: about 8,600 effective returns)
        while (timeNs < 600 * SECOND)
        {
            final long dtNs = 1 + (long)(-Math.log(1.0 - random.nextDouble()) * 10_000_000.0);
            timeNs += dtNs;
            logMid += sigma * Math.sqrt(dtNs / 1e9) * gaussian(random);
            mids.mid(timeNs, Math.exp(logMid));
        }

        // then the estimate is within 4% of σ (its standard error is about 0.8%)
        assertEquals(sigma, vol.value(), 0.04 * sigma);
    }

    @Test
    void halfLifeMustBePositive()
    {
        assertThrows(IllegalArgumentException.class, () -> new RealizedVolEwma("v", 0));
        assertThrows(IllegalArgumentException.class, () -> new RealizedVolEwma("v", Double.NaN));
    }

    static double gaussian(final SplittableRandom random)
    {
        // Box–Muller, so the test owns its normal generator
        final double u1 = 1.0 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
