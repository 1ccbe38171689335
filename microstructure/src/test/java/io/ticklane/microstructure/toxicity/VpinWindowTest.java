package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.toxicity.VpinWindow.Normalisation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpinWindowTest
{
    @Test
    void equalBucketsGiveTheSummedImbalanceOverNTimesV()
    {
        final VpinWindow window = new VpinWindow(3, Normalisation.WINDOW_VOLUME);

        // bucket 1: V = 10, V_B = 7, V_S = 3, |V_S − V_B| = 4
        assertTrue(Double.isNaN(window.onBucket(10, 7)));
        // bucket 2: V_B = 2, V_S = 8, imbalance 6
        assertTrue(Double.isNaN(window.onBucket(10, 2)));
        // bucket 3: V_B = 5, imbalance 0 → (4 + 6 + 0) / (3 · 10) = 1/3
        assertEquals(1.0 / 3.0, window.onBucket(10, 5), 1e-15);
        // bucket 4: V_B = 10, imbalance 10; bucket 1 leaves → (6 + 0 + 10) / 30 = 8/15
        assertEquals(8.0 / 15.0, window.onBucket(10, 10), 1e-15);
        assertEquals(8.0 / 15.0, window.value(), 1e-15);
    }

    @Test
    void currentVolumeNormalisationDividesTheMeanImbalanceByTheNewestBucket()
    {
        final VpinWindow paper = new VpinWindow(2, Normalisation.WINDOW_VOLUME);
        final VpinWindow mlfinlab = new VpinWindow(2, Normalisation.CURRENT_VOLUME);

        // bucket 1: V = 10, V_B = 8, imbalance 6; bucket 2: V = 20, V_B = 5, imbalance |15 − 5| = 10
        paper.onBucket(10, 8);
        mlfinlab.onBucket(10, 8);
        // paper: (6 + 10) / (10 + 20) = 16/30; mlfinlab: mean(6, 10) / 20 = 8 / 20 = 0.4
        assertEquals(16.0 / 30.0, paper.onBucket(20, 5), 1e-15);
        assertEquals(0.4, mlfinlab.onBucket(20, 5), 1e-15);

        // with equal buckets the two agree: bucket 3: V = 20, V_B = 20, imbalance 20
        // mlfinlab: mean(10, 20) / 20 = 0.75; paper: (10 + 20) / 40 = 0.75
        assertEquals(0.75, paper.onBucket(20, 20), 1e-15);
        assertEquals(0.75, mlfinlab.onBucket(20, 20), 1e-15);
    }

    @Test
    void runningSumsMatchADirectSumOverALongRun()
    {
        final VpinWindow window = new VpinWindow(5, Normalisation.WINDOW_VOLUME);
        final double[] imbalance = new double[20_000];
        final double[] volume = new double[20_000];
        long state = 7;
        for (int i = 0; i < imbalance.length; i++)
        {
            state = state * 6364136223846793005L + 1442695040888963407L;
            volume[i] = 1 + (state >>> 50);
            final double buy = volume[i] * ((state >>> 11) & 1023) / 1023.0;
            imbalance[i] = Math.abs(volume[i] - 2 * buy);
            final double vpin = window.onBucket(volume[i], buy);
            if (i >= 4)
            {
                double num = 0;
                double den = 0;
                for (int j = i - 4; j <= i; j++)
                {
                    num += imbalance[j];
                    den += volume[j];
                }
                assertEquals(num / den, vpin, 1e-12, "bucket " + i);
                assertTrue(vpin >= 0 && vpin <= 1);
            }
        }
    }

    @Test
    void invalidWindowIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new VpinWindow(0, Normalisation.WINDOW_VOLUME));
        assertThrows(IllegalArgumentException.class, () -> new VpinWindow(3, null));
    }
}
