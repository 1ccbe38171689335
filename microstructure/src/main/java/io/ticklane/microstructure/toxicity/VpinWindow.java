package io.ticklane.microstructure.toxicity;

/**
 * VPIN over the last n classified buckets: Easley, López de Prado &amp; O'Hara (2012), the
 * VPIN equation of the paper's procedure:
 * {@code VPIN = Σ_{τ=1..n} |V_S,τ − V_B,τ| / (n · V)} for equal buckets of volume V. Pure bucket-level maths: it
 * takes each bucket's (volume, buy volume) and knows nothing of trades, so offline checks drive the same code as
 * the {@code vpin} factor.
 * <p>
 * The denominator is a choice ({@link Normalisation}): the factor uses {@link Normalisation#WINDOW_VOLUME},
 * {@code Σ|V_S − V_B| / Σ V} over the window, which is exactly {@code /(n·V)} for equal buckets and stays in [0, 1]
 * for any bucket sizes. {@link Normalisation#CURRENT_VOLUME} is mlfinlab's {@code get_vpin}:
 * {@code mean(|V_S − V_B|) / V_current}, the newest bucket's volume, which matches the paper only when all buckets
 * have the same volume; it exists so that mlfinlab's published test values can be reproduced through this class.
 * <p>
 * State: rings of n imbalances and volumes with running sums, recomputed from the rings every n buckets:
 * amortised O(1) per bucket, no allocation after construction.
 */
public final class VpinWindow
{
    /**
     * What the summed imbalance of the window is divided by.
     */
    public enum Normalisation
    {
        /** The window's total volume, n·V for equal buckets (the 2012 paper). */
        WINDOW_VOLUME,
        /** The newest bucket's volume times n, i.e. mean imbalance / current volume (mlfinlab's get_vpin). */
        CURRENT_VOLUME
    }

    private final int window;
    private final Normalisation normalisation;
    private final double[] imbalances;
    private final double[] volumes;
    private int next;
    private int count;
    private int sinceRecompute;
    private double imbalanceSum;
    private double volumeSum;
    private double value = Double.NaN;

    /**
     * @param window        n, buckets in the window, at least 1.
     * @param normalisation denominator of VPIN.
     */
    public VpinWindow(final int window, final Normalisation normalisation)
    {
        if (window < 1)
        {
            throw new IllegalArgumentException("window must be at least 1 bucket: " + window);
        }
        if (null == normalisation)
        {
            throw new IllegalArgumentException("normalisation must be given");
        }
        this.window = window;
        this.normalisation = normalisation;
        this.imbalances = new double[window];
        this.volumes = new double[window];
    }

    /**
     * Adds a classified bucket.
     *
     * @param volume    V, the bucket's volume (positive).
     * @param buyVolume V_B, its buy volume in [0, V]; V_S = V − V_B.
     * @return VPIN after this bucket, NaN until n buckets have been added.
     */
    public double onBucket(final double volume, final double buyVolume)
    {
        final double imbalance = Math.abs(volume - 2.0 * buyVolume);
        if (count == window)
        {
            imbalanceSum -= imbalances[next];
            volumeSum -= volumes[next];
        }
        else
        {
            count++;
        }
        imbalances[next] = imbalance;
        volumes[next] = volume;
        imbalanceSum += imbalance;
        volumeSum += volume;
        next = next + 1 == window ? 0 : next + 1;
        if (++sinceRecompute == window)
        {
            recompute();
        }

        // A sum of non-negative terms kept by adding and subtracting: when every imbalance in the window is 0 the
        // running sum can be a few ulps below zero (seen on real data: -3e-18). Rounding, not information: floor it.
        final double imbalances = Math.max(0.0, imbalanceSum);
        if (count < window)
        {
            value = Double.NaN;
        }
        else if (Normalisation.WINDOW_VOLUME == normalisation)
        {
            // each imbalance is at most its bucket's volume, so the ratio is at most 1 but for the same rounding
            value = Math.min(1.0, imbalances / volumeSum);
        }
        else
        {
            value = imbalances / (window * volume);
        }
        return value;
    }

    /**
     * @return VPIN after the latest bucket, NaN while warming up.
     */
    public double value()
    {
        return value;
    }

    /**
     * @return buckets held (at most n).
     */
    public int count()
    {
        return count;
    }

    private void recompute()
    {
        sinceRecompute = 0;
        double imbalance = 0.0;
        double volume = 0.0;
        for (int i = 0; i < count; i++)
        {
            imbalance += imbalances[i];
            volume += volumes[i];
        }
        imbalanceSum = imbalance;
        volumeSum = volume;
    }
}
