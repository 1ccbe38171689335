package io.ticklane.microstructure.toxicity;

/**
 * Bulk volume classification (BVC) of one bucket: the fraction of its volume that was buyer-initiated, inferred from
 * the bucket's standardised price change instead of from individual trades. Easley, López de Prado &amp; O'Hara,
 * "Flow Toxicity and Liquidity in a High-Frequency World", Review of Financial Studies 25(5), 2012, the
 * VPIN procedure (volume bucketing and bulk classification):
 * {@code V_B = V · Φ(ΔP / σ_ΔP)}, {@code V_S = V − V_B}.
 * <p>
 * Definition choices: ΔP is the bucket's close minus the previous bucket's close (any price unit: the ratio is
 * unit-free); σ_ΔP is the sample standard deviation (ddof = 1) of the last {@code sigmaWindow} changes
 * <em>including the current one</em> (it is known when the bucket closes, and this is how mlfinlab's
 * {@code get_bvc_buy_volume} and pandas' rolling std read it). The paper estimates σ over its whole sample, which
 * is not available online. When σ = 0 (every change in the window equal) the limit of Φ is used rather than leaving the
 * bucket undefined: all buy if ΔP &gt; 0, all sell if ΔP &lt; 0, split evenly if ΔP = 0. A variance below 1e−12 of the
 * mean squared change counts as zero, so rounding in the running sums cannot turn equal changes into a huge z.
 * <p>
 * State: a ring of {@code sigmaWindow} changes with running sum and sum of squares, recomputed from the ring every
 * {@code sigmaWindow} changes so rounding cannot drift: amortised O(1) per bucket, no allocation after construction.
 */
public final class BulkVolumeClassifier
{
    private static final double RELATIVE_ZERO_VARIANCE = 1e-12;

    private final double[] changes;
    private final int window;
    private int next;
    private int count;
    private int sinceRecompute;
    private double sum;
    private double sumSquares;

    /**
     * @param sigmaWindow number of price changes σ_ΔP is estimated over, at least 2.
     */
    public BulkVolumeClassifier(final int sigmaWindow)
    {
        if (sigmaWindow < 2)
        {
            throw new IllegalArgumentException("sigmaWindow must be at least 2 for a sample standard deviation: " + sigmaWindow);
        }
        this.window = sigmaWindow;
        this.changes = new double[sigmaWindow];
    }

    /**
     * Adds a bucket's price change and classifies that bucket.
     *
     * @param priceChange bucket close minus previous bucket close.
     * @return Φ(ΔP/σ_ΔP), the buy fraction of the bucket's volume, or NaN until {@code sigmaWindow} changes exist.
     */
    public double buyFraction(final double priceChange)
    {
        if (count == window)
        {
            final double oldest = changes[next];
            sum -= oldest;
            sumSquares -= oldest * oldest;
        }
        else
        {
            count++;
        }
        changes[next] = priceChange;
        sum += priceChange;
        sumSquares += priceChange * priceChange;
        next = next + 1 == window ? 0 : next + 1;

        if (++sinceRecompute == window)
        {
            recompute();
        }
        if (count < window)
        {
            return Double.NaN;
        }

        final double sigma = sigma();
        if (sigma > 0.0)
        {
            return NormalCdf.phi(priceChange / sigma);
        }
        return priceChange > 0.0 ? 1.0 : (priceChange < 0.0 ? 0.0 : 0.5);
    }

    /**
     * @return σ_ΔP over the changes held (ddof = 1), NaN with fewer than two.
     */
    public double sigma()
    {
        if (count < 2)
        {
            return Double.NaN;
        }
        final double variance = (sumSquares - sum * sum / count) / (count - 1);
        return variance > RELATIVE_ZERO_VARIANCE * (sumSquares / count) ? Math.sqrt(variance) : 0.0;
    }

    /**
     * @return the number of changes held (at most {@code sigmaWindow}).
     */
    public int count()
    {
        return count;
    }

    private void recompute()
    {
        sinceRecompute = 0;
        double s = 0.0;
        double s2 = 0.0;
        for (int i = 0; i < count; i++)
        {
            final double c = changes[i];
            s += c;
            s2 += c * c;
        }
        sum = s;
        sumSquares = s2;
    }
}
