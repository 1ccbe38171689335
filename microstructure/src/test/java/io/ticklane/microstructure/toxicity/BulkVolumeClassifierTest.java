package io.ticklane.microstructure.toxicity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkVolumeClassifierTest
{
    // Φ values: standard table values, checked with mpmath.ncdf at 30 digits.
    private static final double PHI_1 = 0.841344746068542949;
    private static final double PHI_1_OVER_SQRT2 = 0.760249938906523269;
    private static final double PHI_4_OVER_3 = 0.908788780274132130;
    private static final double PHI_2_OVER_SQRT_7_3 = 0.904784868087237938;

    @Test
    void classifiesEachChangeByItsStandardisedSizeOnceTheWindowIsFull()
    {
        final BulkVolumeClassifier bvc = new BulkVolumeClassifier(3);

        // given fewer than 3 changes there is no σ
        assertTrue(Double.isNaN(bvc.buyFraction(1.0)));
        assertTrue(Double.isNaN(bvc.buyFraction(-1.0)));

        // window (1, −1, 0): mean 0, sample variance (1 + 1 + 0) / 2 = 1, σ = 1; z = 0 / 1 → Φ(0) = 0.5
        assertEquals(0.5, bvc.buyFraction(0.0), 1e-15);
        assertEquals(1.0, bvc.sigma(), 1e-15);

        // window (−1, 0, 1): σ = 1; z = 1 → Φ(1)
        assertEquals(PHI_1, bvc.buyFraction(1.0), 1e-15);

        // window (0, 1, −1): σ = 1; z = −1 → Φ(−1) = 1 − Φ(1)
        assertEquals(1.0 - PHI_1, bvc.buyFraction(-1.0), 1e-15);

        // window (1, −1, 2): mean 2/3, deviations 1/3, −5/3, 4/3, squares 42/9, variance 42/18 = 7/3;
        // z = 2 / √(7/3) = 1.3093073414
        assertEquals(PHI_2_OVER_SQRT_7_3, bvc.buyFraction(2.0), 1e-15);
        assertEquals(Math.sqrt(7.0 / 3.0), bvc.sigma(), 1e-15);
    }

    @Test
    void sigmaIsTheSampleStandardDeviationIncludingTheCurrentChange()
    {
        // window 2, (−1, 1): mean 0, variance (1 + 1) / (2 − 1) = 2, σ = √2; z = 1 / √2
        final BulkVolumeClassifier two = new BulkVolumeClassifier(2);
        two.buyFraction(-1.0);
        assertEquals(PHI_1_OVER_SQRT2, two.buyFraction(1.0), 1e-15);
        assertEquals(Math.sqrt(2.0), two.sigma(), 1e-15);

        // window 4, (1, −1, 1, −1) then 2 pushes out the first 1 → (−1, 1, −1, 2): mean 1/4,
        // deviations −5/4, 3/4, −5/4, 7/4 → squares (25 + 9 + 25 + 49) / 16 = 6.75, variance 6.75 / 3 = 2.25, σ = 1.5;
        // z = 2 / 1.5 = 4/3
        final BulkVolumeClassifier four = new BulkVolumeClassifier(4);
        four.buyFraction(1.0);
        four.buyFraction(-1.0);
        four.buyFraction(1.0);
        four.buyFraction(-1.0);
        assertEquals(PHI_4_OVER_3, four.buyFraction(2.0), 1e-15);
        assertEquals(1.5, four.sigma(), 1e-15);
    }

    @Test
    void priceUnitDoesNotMatter()
    {
        // z = ΔP / σ is unit-free: the same changes in ticks and in index points (tick 0.25) classify alike.
        final BulkVolumeClassifier ticks = new BulkVolumeClassifier(2);
        final BulkVolumeClassifier points = new BulkVolumeClassifier(2);
        ticks.buyFraction(-4.0);
        points.buyFraction(-1.0);
        assertEquals(PHI_1_OVER_SQRT2, ticks.buyFraction(4.0), 1e-15);
        assertEquals(PHI_1_OVER_SQRT2, points.buyFraction(1.0), 1e-15);
    }

    @Test
    void zeroSigmaTakesTheLimitOfPhi()
    {
        final BulkVolumeClassifier flat = new BulkVolumeClassifier(2);
        flat.buyFraction(0.0);
        assertEquals(0.5, flat.buyFraction(0.0), 0.0, "no change at all: split evenly");

        final BulkVolumeClassifier rising = new BulkVolumeClassifier(2);
        rising.buyFraction(1.0);
        assertEquals(1.0, rising.buyFraction(1.0), 0.0, "equal rises: σ = 0, ΔP > 0, all buy");
        // window (1, −1): σ = √2, z = −1/√2 → Φ = 1 − Φ(1/√2)
        assertEquals(1.0 - PHI_1_OVER_SQRT2, rising.buyFraction(-1.0), 1e-15);

        final BulkVolumeClassifier falling = new BulkVolumeClassifier(3);
        falling.buyFraction(-0.1);
        falling.buyFraction(-0.1);
        assertEquals(0.0, falling.buyFraction(-0.1), 0.0, "equal falls of an inexact size: σ = 0 despite rounding");
    }

    @Test
    void rollingSigmaStaysEqualToATwoPassSigmaOverALongRun()
    {
        final int window = 7;
        final BulkVolumeClassifier bvc = new BulkVolumeClassifier(window);
        final double[] all = new double[10_000];
        long state = 42;
        for (int i = 0; i < all.length; i++)
        {
            state = state * 6364136223846793005L + 1442695040888963407L;
            all[i] = ((state >>> 40) % 2001 - 1000) / 37.0 + 500.0; // inexact values around a large mean
            bvc.buyFraction(all[i]);
            if (i >= window - 1)
            {
                // independent reference: textbook two-pass sample standard deviation over the last 7 values
                double mean = 0.0;
                for (int j = i - window + 1; j <= i; j++)
                {
                    mean += all[j];
                }
                mean /= window;
                double squares = 0.0;
                for (int j = i - window + 1; j <= i; j++)
                {
                    squares += (all[j] - mean) * (all[j] - mean);
                }
                assertEquals(Math.sqrt(squares / (window - 1)), bvc.sigma(), 1e-9, "at change " + i);
            }
        }
    }

    @Test
    void sigmaWindowBelowTwoIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new BulkVolumeClassifier(1));
    }
}
