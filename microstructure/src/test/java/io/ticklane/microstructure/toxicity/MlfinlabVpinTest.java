package io.ticklane.microstructure.toxicity;

import io.ticklane.journal.RealData;
import io.ticklane.microstructure.toxicity.VpinWindow.Normalisation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reproduces mlfinlab's VPIN test ({@code test_microstructural_features.py}, {@code test_third_generation}) on its
 * 1,000 dollar bars through the same bucket-level classes the {@code vpin} factor uses.
 * <p>
 * Where mlfinlab's definition differs from Easley, López de Prado &amp; O'Hara (2012):
 * <ul>
 *   <li>each bar is a "bucket" with its own volume ({@code cum_vol}, 33,901–35,463), where the paper fills equal
 *       buckets of V lots; here each bar is fed to {@link VpinWindow} as one bucket with that volume;</li>
 *   <li>VPIN divides the mean imbalance of the last w bars by the CURRENT bar's volume
 *       ({@link Normalisation#CURRENT_VOLUME}), where the paper divides the summed imbalance by n·V (the factor
 *       uses the window's total volume, {@link Normalisation#WINDOW_VOLUME}, equal to n·V for equal buckets);</li>
 *   <li>σ_ΔP is the sample standard deviation (ddof = 1) of the last 20 close changes including the current one;
 *       the paper uses the whole sample's σ. The factor's σ is computed the same way as mlfinlab's (its window is
 *       the {@code sigma_window} parameter), so this part needs no switch.</li>
 * </ul>
 * Expected values: the README's independent double-precision recomputation (numpy, Φ via erf) of mlfinlab's
 * formula; mlfinlab itself asserts them to 1e-3, this test to 1e-4.
 */
class MlfinlabVpinTest
{
    private static final double TICK = 0.25; // E-mini S&P 500 tick; the ratio ΔP/σ does not depend on it
    private static final int SIGMA_WINDOW = 20;
    private static final double TOLERANCE = 1e-4;

    @Test
    void reproducesMlfinlabVpinOnItsDollarBars() throws IOException
    {
        final List<String> lines = Files.readAllLines(RealData.file("mlfinlab/dollar_bar_sample.csv"), StandardCharsets.UTF_8);
        assertEquals("date_time,open,high,low,close,cum_vol,cum_dollar,cum_ticks", lines.get(0));
        final int bars = lines.size() - 1;
        assertEquals(1000, bars);

        final BulkVolumeClassifier bvc = new BulkVolumeClassifier(SIGMA_WINDOW);
        final VpinWindow mlfinlab1 = new VpinWindow(1, Normalisation.CURRENT_VOLUME);
        final VpinWindow mlfinlab20 = new VpinWindow(20, Normalisation.CURRENT_VOLUME);
        final VpinWindow paper1 = new VpinWindow(1, Normalisation.WINDOW_VOLUME);
        final VpinWindow paper20 = new VpinWindow(20, Normalisation.WINDOW_VOLUME);
        final double[] vpin1 = new double[bars];
        final double[] vpin20 = new double[bars];
        double minVolume = Double.MAX_VALUE;
        double maxVolume = 0;
        double previousClose = Double.NaN;

        for (int t = 0; t < bars; t++)
        {
            final String[] fields = lines.get(t + 1).split(",");
            final double close = Double.parseDouble(fields[4]) / TICK;
            final double volume = Double.parseDouble(fields[5]);
            minVolume = Math.min(minVolume, volume);
            maxVolume = Math.max(maxVolume, volume);
            vpin1[t] = Double.NaN;
            vpin20[t] = Double.NaN;
            if (t > 0)
            {
                final double buyFraction = bvc.buyFraction(close - previousClose);
                if (!Double.isNaN(buyFraction))
                {
                    final double buy = volume * buyFraction;
                    vpin1[t] = mlfinlab1.onBucket(volume, buy);
                    vpin20[t] = mlfinlab20.onBucket(volume, buy);
                    final double p1 = paper1.onBucket(volume, buy);
                    final double p20 = paper20.onBucket(volume, buy);

                    // with one bar both denominators are that bar's volume
                    assertEquals(vpin1[t], p1, 1e-15, "window 1 at bar " + t);
                    if (!Double.isNaN(p20))
                    {
                        // over 20 bars they differ by the ratio of the window's mean volume to the current one,
                        // bounded by the spread of bar volumes
                        assertEquals(1.0, p20 / vpin20[t], maxVolume / minVolume - 1 + 1e-12, "window 20 at bar " + t);
                    }
                }
            }
            previousClose = close;
        }

        // σ needs 20 changes: first at bar 20; the 20-bar window then needs 19 more bars: first at bar 39
        assertTrue(Double.isNaN(vpin1[19]) && !Double.isNaN(vpin1[20]));
        assertTrue(Double.isNaN(vpin20[38]) && !Double.isNaN(vpin20[39]));

        assertEquals(0.999975, max(vpin1), TOLERANCE, "vpin_1 max");
        assertEquals(0.501143, mean(vpin1, 980), TOLERANCE, "vpin_1 mean");
        assertEquals(0.554052, vpin1[25], TOLERANCE, "vpin_1[25]");
        assertEquals(0.681184, max(vpin20), TOLERANCE, "vpin_20 max");
        assertEquals(0.500074, mean(vpin20, 961), TOLERANCE, "vpin_20 mean");
        assertEquals(0.463817, vpin20[45], TOLERANCE, "vpin_20[45]");
    }

    private static double max(final double[] values)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : values)
        {
            if (!Double.isNaN(v))
            {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static double mean(final double[] values, final int expectedDefined)
    {
        double sum = 0;
        int defined = 0;
        for (final double v : values)
        {
            if (!Double.isNaN(v))
            {
                sum += v;
                defined++;
            }
        }
        assertEquals(expectedDefined, defined, "defined values (pandas mean skips NaN)");
        return sum / defined;
    }
}
