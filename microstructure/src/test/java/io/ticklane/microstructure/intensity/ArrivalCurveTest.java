package io.ticklane.microstructure.intensity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrivalCurveTest
{
    private static final double EXACT = 1e-12;

    @Test
    void threeBucketsOnAnExactExponentialGiveExactAAndKWithRSquaredOne()
    {
        // given 1-tick buckets and 4 trades at δ=0.5, 2 at 1.5, 2 at 2.5: 8, 4 and 2 trades reach δ = 0, 1, 2,
        // i.e. N(δ) = 8·2^(−δ) = 8·e^(−δ ln 2) exactly
        final ArrivalCurve curve = new ArrivalCurve(1.0, 3);
        addTimes(curve, 0.5, 4);
        addTimes(curve, 1.5, 2);
        addTimes(curve, 2.5, 2);

        // when
        assertTrue(curve.fit(3));

        // then
        assertEquals(8, curve.reaching(0));
        assertEquals(4, curve.reaching(1));
        assertEquals(2, curve.reaching(2));
        assertEquals(8.0, curve.countA(), 8 * EXACT);
        assertEquals(Math.log(2), curve.k(), EXACT);
        assertEquals(1.0, curve.r2(), EXACT);
    }

    @Test
    void maximumLikelihoodUsesTheMeanBucketIndex()
    {
        // given the same 4, 2, 2 trades: mean bucket index m = (4·0 + 2·1 + 2·2) / 8 = 0.75,
        // so e^(−k) = m / (1 + m) = 3/7, k = ln(7/3), and A = N(0) = 8
        final ArrivalCurve curve = new ArrivalCurve(1.0, 3);
        addTimes(curve, 0.2, 4);
        addTimes(curve, 1.9, 2);
        addTimes(curve, 2.0, 2);

        assertTrue(curve.fit(2));

        assertEquals(Math.log(7.0 / 3.0), curve.mleK(), EXACT);
        assertEquals(8.0, curve.mleCountA(), 8 * EXACT);
    }

    @Test
    void tradesBeyondTheLastBucketReachEveryBucketAndKeepTheirIndexForMaximumLikelihood()
    {
        // given half-tick buckets covering δ < 1 and trades at δ = 0.25, 0.75 and 3.1 (bucket index 6)
        final ArrivalCurve curve = new ArrivalCurve(0.5, 2);
        curve.add(0.25);
        curve.add(0.75);
        curve.add(3.1);

        assertTrue(curve.fit(2));

        assertEquals(1, curve.beyond());
        assertEquals(3, curve.reaching(0));
        assertEquals(2, curve.reaching(1));
        // m = (0 + 1 + 6) / 3, k = ln(1 + 3/7) / 0.5
        assertEquals(Math.log(10.0 / 7.0) / 0.5, curve.mleK(), EXACT);
        // two points fit exactly: k = ln(3/2) / 0.5
        assertEquals(Math.log(1.5) / 0.5, curve.k(), EXACT);
    }

    @Test
    void leadingBucketsInsideTheSpreadAreLeftOutOfTheFit()
    {
        // given a one-tick spread: nothing trades at δ < 0.5, so bucket 0 is flat (everything reaches it)
        final ArrivalCurve curve = new ArrivalCurve(0.5, 4);
        addTimes(curve, 0.5, 4);
        addTimes(curve, 1.0, 2);
        addTimes(curve, 1.5, 2);

        assertTrue(curve.fit(3));

        assertEquals(1, curve.firstFitted());
        assertEquals(3, curve.lastFitted());
        assertEquals(Math.log(2) / 0.5, curve.k(), EXACT);
        // A extrapolates the fitted line to δ = 0: N(0.5) = 8 → A = 8·2 = 16
        assertEquals(16.0, curve.countA(), 16 * EXACT);
    }

    @Test
    void fewerBucketsThanTheMinimumGiveNaN()
    {
        final ArrivalCurve curve = new ArrivalCurve(0.5, 40);
        addTimes(curve, 0.1, 5);
        addTimes(curve, 0.7, 3);

        assertFalse(curve.fit(3));

        assertTrue(Double.isNaN(curve.countA()));
        assertTrue(Double.isNaN(curve.k()));
        assertTrue(Double.isNaN(curve.r2()));
        assertTrue(Double.isNaN(curve.mleK()));
    }

    @Test
    void decayScalesCountsButNotTheShape()
    {
        final ArrivalCurve curve = new ArrivalCurve(1.0, 3);
        addTimes(curve, 0.5, 4);
        addTimes(curve, 1.5, 2);
        addTimes(curve, 2.5, 2);

        curve.scale(0.25);
        assertTrue(curve.fit(3));

        assertEquals(2.0, curve.countA(), 2 * EXACT);
        assertEquals(Math.log(2), curve.k(), EXACT);
    }

    private static void addTimes(final ArrivalCurve curve, final double depth, final int times)
    {
        for (int i = 0; i < times; i++)
        {
            curve.add(depth);
        }
    }
}
