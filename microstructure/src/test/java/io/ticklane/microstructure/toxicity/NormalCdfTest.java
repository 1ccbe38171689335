package io.ticklane.microstructure.toxicity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalCdfTest
{
    // Documented absolute error of NormalCdf.phi.
    private static final double TOLERANCE = 1e-15;

    @Test
    void matchesThirtyDigitReferenceValues()
    {
        // Reference values of the standard normal CDF to 18+ digits (standard tables; checked with mpmath.ncdf at 30 digits).
        assertEquals(0.5, NormalCdf.phi(0.0), 0.0);
        assertEquals(0.691462461274013104, NormalCdf.phi(0.5), TOLERANCE);
        assertEquals(0.841344746068542949, NormalCdf.phi(1.0), TOLERANCE);
        assertEquals(0.158655253931457051, NormalCdf.phi(-1.0), TOLERANCE);
        assertEquals(0.975002104851779564, NormalCdf.phi(1.96), TOLERANCE);
        assertEquals(0.977249868051820793, NormalCdf.phi(2.0), TOLERANCE);
        assertEquals(0.998650101968369905, NormalCdf.phi(3.0), TOLERANCE);
        assertEquals(0.00134989803163009453, NormalCdf.phi(-3.0), TOLERANCE);
        assertEquals(0.401293674317076276, NormalCdf.phi(-0.25), TOLERANCE);
        assertEquals(0.999999713348428121, NormalCdf.phi(5.0), TOLERANCE);
        assertEquals(6.22096057427178412e-16, NormalCdf.phi(-8.0), TOLERANCE);
    }

    @Test
    void isSymmetricMonotoneAndBoundedAcrossTheLine()
    {
        double previous = 0.0;
        for (double x = -12.0; x <= 12.0; x += 0.01)
        {
            final double p = NormalCdf.phi(x);
            assertTrue(p >= previous - TOLERANCE, "monotone at " + x);
            assertTrue(p >= 0.0 && p <= 1.0, "bounded at " + x);
            assertEquals(1.0, p + NormalCdf.phi(-x), 2 * TOLERANCE, "Φ(x) + Φ(−x) = 1 at " + x);
            previous = p;
        }
    }

    @Test
    void tailsAndNaN()
    {
        assertEquals(0.0, NormalCdf.phi(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, NormalCdf.phi(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(1.0, NormalCdf.phi(9.0), TOLERANCE, "1 − Φ(9) ≈ 1.1e−19");
        assertTrue(Double.isNaN(NormalCdf.phi(Double.NaN)));
    }
}
