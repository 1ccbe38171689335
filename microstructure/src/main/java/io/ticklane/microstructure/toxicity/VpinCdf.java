package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * The empirical CDF rank of the current VPIN among recent VPIN values: a scale-free toxicity alarm, since a rank
 * needs no instrument-specific threshold (Easley, López de Prado &amp; O'Hara 2012 read VPIN through its empirical
 * CDF in their discussion of the 6 May 2010 flash crash). Formula: {@code F = #{ h ∈ H : h ≤ VPIN_now } / m}, where H
 * holds the last m VPIN values, one per closed bucket, the current one included (so F is in [1/m, 1]). Unit: a
 * fraction. Ties compare exact doubles: BVC values equal on paper may differ in the last bit.
 * <p>
 * Warm-up: NaN until m defined VPIN values exist (VPIN's own warm-up plus m − 1 buckets). The paper ranks against
 * the whole sample; online we rank against a rolling history of {@code history} buckets (default 1000).
 * <p>
 * Cost: O(1) per trade that closes no bucket; when an event closes buckets each value enters a preallocated ring
 * and the rank is recomputed once, O(m) (1000 comparisons by default), which runs only on bucket closes. The VPIN
 * parameters are those of {@code vpin}, and this factor computes its own VPIN with them.
 */
public final class VpinCdf extends Factor
{
    private final VpinEstimator estimator;
    private final double[] history;
    private int next;
    private int count;
    private double current = Double.NaN;
    private double value = Double.NaN;

    /**
     * @param id             factor id.
     * @param bucketVolume   V, lots per bucket, positive.
     * @param window         n, buckets in the VPIN window, at least 1.
     * @param sigmaWindow    changes σ_ΔP is estimated over, at least 2 (used by BVC only).
     * @param classification how bucket volume is split into buys and sells.
     * @param history        m, VPIN values ranked against, at least 2.
     */
    public VpinCdf(
        final String id,
        final long bucketVolume,
        final int window,
        final int sigmaWindow,
        final TradeClassification classification,
        final int history)
    {
        super(id);
        ToxicityFactors.validate(id, bucketVolume, window, sigmaWindow, classification);
        if (history < 2)
        {
            throw new IllegalArgumentException("factor '" + id + "': history must be at least 2 buckets: " + history);
        }
        this.history = new double[history];
        this.estimator = new VpinEstimator(bucketVolume, window, sigmaWindow, classification, this::onBucketClosed, history);
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.TRADE == event.kind() &&
            estimator.onTrade(event.tradePrice(), event.tradeQuantity(), event.aggressor()) > 0 &&
            count == history.length)
        {
            value = rank(current);
        }
    }

    public double value()
    {
        return value;
    }

    private void onBucketClosed(final double vpin)
    {
        if (vpin == vpin)
        {
            history[next] = vpin;
            next = next + 1 == history.length ? 0 : next + 1;
            if (count < history.length)
            {
                count++;
            }
            current = vpin;
        }
    }

    private double rank(final double x)
    {
        final double[] values = history;
        int atOrBelow = 0;
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] <= x)
            {
                atOrBelow++;
            }
        }
        return (double)atOrBelow / values.length;
    }
}
