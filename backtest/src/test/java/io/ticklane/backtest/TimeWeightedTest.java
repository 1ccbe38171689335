package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TimeWeightedTest
{
    /**
     * 2 for 10 ns, then −4 for 30 ns: mean (20 − 120) / 40 = −2.5; mean square (40 + 480) / 40 = 13; variance
     * 13 − 6.25 = 6.75.
     */
    @Test
    void meanAndStdWeighEachValueByHowLongItHeld()
    {
        final TimeWeighted weighted = new TimeWeighted();

        weighted.set(0, 2, true);
        weighted.set(10, -4, true);
        weighted.finish(40);

        assertEquals(-2.5, weighted.mean().value(), 1e-12);
        assertEquals(Math.sqrt(6.75), weighted.std().value(), 1e-12);
        assertEquals(40, weighted.activeNs(), 0);
    }

    @Test
    void inactiveTimeDoesNotCount()
    {
        final TimeWeighted weighted = new TimeWeighted();

        weighted.set(0, 5, false);
        weighted.set(10, 3, true);
        weighted.set(20, 7, false);
        weighted.finish(100);

        assertEquals(3, weighted.mean().value(), 1e-12);
        assertEquals(10, weighted.activeNs(), 0);
    }

    @Test
    void noTimeMeansUndefined()
    {
        assertFalse(new TimeWeighted().mean().defined());
    }
}
