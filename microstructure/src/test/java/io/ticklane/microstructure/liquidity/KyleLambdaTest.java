package io.ticklane.microstructure.liquidity;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KyleLambdaTest
{
    private static final long MS = 1_000_000L;
    private static final double TOLERANCE = 1e-12;

    @Test
    void isTheLeastSquaresSlopeOfMidChangeOnSignedVolumePerInterval()
    {
        final KyleLambda lambda = new KyleLambda("k", 1000, 3);
        final Market market = new Market(lambda);
        market.quote(500 * MS, 99, 101);   // mid 100; interval 0 is partial
        market.trade(1100 * MS, 6, 1);
        market.trade(1200 * MS, 4, 1);
        market.quote(1500 * MS, 100, 102); // interval 1: x = +10, y = 101 - 100 = +1
        market.trade(2100 * MS, 5, -1);
        market.trade(2200 * MS, 100, 0);   // unknown aggressor: adds 0
        market.quote(2500 * MS, 100, 101); // interval 2: x = -5, y = 100.5 - 101 = -0.5
        market.trade(3100 * MS, 20, 1);
        market.quote(3600 * MS, 101, 103); // interval 3: x = +20, y = 102 - 100.5 = +1.5
        assertTrue(Double.isNaN(lambda.value()), "interval 3 has not closed");

        market.quote(4000 * MS, 101, 103); // closes interval 3
        // n = 3, Σx = 25, Σy = 2, Σx² = 100 + 25 + 400 = 525, Σxy = 10 + 2.5 + 30 = 42.5
        // λ = (3 · 42.5 - 25 · 2) / (3 · 525 - 25²) = 77.5 / 950
        assertEquals(77.5 / 950.0, lambda.value(), TOLERANCE);
    }

    @Test
    void intervalsWithoutEventsAreZeroObservationsAndNoVarianceMeansNoValue()
    {
        final KyleLambda lambda = new KyleLambda("k", 1000, 3);
        final Market market = new Market(lambda);
        market.quote(500 * MS, 99, 101);
        market.trade(1100 * MS, 6, 1);
        market.quote(1500 * MS, 100, 102);
        market.quote(2500 * MS, 100, 102); // closes interval 1: (6, 1)
        market.quote(7500 * MS, 100, 102); // closes interval 2 (0, 0) and adds three empty ones: the window is all (0, 0)
        assertTrue(Double.isNaN(lambda.value()));
    }

    @Test
    void recoversAKnownLinearImpactFromSimulatedFlow()
    {
        // given per interval 1-5 trades of 1-100 lots with random signs, and a mid that moves
        // Δm = 0.05 · x + N(0, 1) ticks (rounded to half ticks: a further ±0.25 tick of noise independent of x)
        final double trueLambda = 0.05;
        final KyleLambda lambda = new KyleLambda("k", 1000, 500);
        final Market market = new Market(lambda);
        final SplittableRandom random = new SplittableRandom(5);
        long twiceMid = 2_000_001;
        market.twiceMid(500 * MS, twiceMid);
        for (long interval = 1; interval <= 600; interval++)
        {
            final long start = interval * 1000 * MS;
            long signedVolume = 0;
            final int trades = 1 + random.nextInt(5);
            for (int i = 0; i < trades; i++)
            {
                final long quantity = 1 + random.nextInt(100);
                final int side = random.nextBoolean() ? 1 : -1;
                market.trade(start + (100 + i) * MS, quantity, side);
                signedVolume += side * quantity;
            }
            final double move = trueLambda * signedVolume + gaussian(random);
            twiceMid += Math.round(2.0 * move);
            market.twiceMid(start + 500 * MS, twiceMid);
        }
        market.twiceMid(601_000 * MS, twiceMid);

        // then the slope over the last 500 intervals is within 5% of 0.05 (its standard error is about 1%)
        assertEquals(trueLambda, lambda.value(), 0.05 * trueLambda);
    }

    @Test
    void parametersAreValidated()
    {
        assertThrows(IllegalArgumentException.class, () -> new KyleLambda("k", 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new KyleLambda("k", 1000, 2));
    }

    private static double gaussian(final SplittableRandom random)
    {
        final double u1 = 1.0 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
