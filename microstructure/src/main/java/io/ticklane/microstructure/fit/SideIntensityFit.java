package io.ticklane.microstructure.fit;

import io.ticklane.microstructure.intensity.ArrivalCurve;

/**
 * The whole-sample fit of λ(δ) = A·e^(−kδ) on one side, with the bucket table it came from: what a quoter needs (A,
 * k) and what a reader needs to judge it (counts, empirical and fitted λ, R², the maximum-likelihood alternative).
 * A in trades per second, k per tick, δ in ticks.
 */
public final class SideIntensityFit
{
    private final String side;
    private final long trades;
    private final long insideMid;
    private final double bucketTicks;
    private final double[] own;
    private final double[] reaching;
    private final double beyond;
    private final int firstFitted;
    private final int lastFitted;
    private final double a;
    private final double k;
    private final double r2;
    private final double mleA;
    private final double mleK;
    private final double perSecond;

    SideIntensityFit(
        final String side, final long trades, final long insideMid, final ArrivalCurve curve, final double elapsedSeconds)
    {
        this.side = side;
        this.trades = trades;
        this.insideMid = insideMid;
        this.bucketTicks = curve.bucketTicks();
        this.own = new double[curve.buckets()];
        this.reaching = new double[curve.buckets()];
        for (int i = 0; i < own.length; i++)
        {
            own[i] = curve.own(i);
            reaching[i] = curve.reaching(i);
        }
        this.beyond = curve.beyond();
        this.firstFitted = curve.firstFitted();
        this.lastFitted = curve.lastFitted();
        this.perSecond = elapsedSeconds > 0 ? 1.0 / elapsedSeconds : Double.NaN;
        this.a = curve.countA() * perSecond;
        this.k = curve.k();
        this.r2 = curve.r2();
        this.mleA = curve.mleCountA() * perSecond;
        this.mleK = curve.mleK();
    }

    /**
     * @return "bid" (seller-initiated trades, δ = mid − P) or "ask" (buyer-initiated, δ = P − mid).
     */
    public String side()
    {
        return side;
    }

    /**
     * @return trades measured on this side (including those beyond the last bucket).
     */
    public long trades()
    {
        return trades;
    }

    /**
     * @return trades of this side excluded for printing inside the reference mid.
     */
    public long insideMid()
    {
        return insideMid;
    }

    /**
     * @return bucket width, ticks.
     */
    public double bucketTicks()
    {
        return bucketTicks;
    }

    /**
     * @return number of buckets.
     */
    public int buckets()
    {
        return own.length;
    }

    /**
     * @param bucket bucket index.
     * @return trades with δ in [bucket·w, (bucket+1)·w).
     */
    public long count(final int bucket)
    {
        return Math.round(own[bucket]);
    }

    /**
     * @param bucket bucket index.
     * @return trades reaching δ = bucket·w or beyond.
     */
    public long reaching(final int bucket)
    {
        return Math.round(reaching[bucket]);
    }

    /**
     * @param bucket bucket index.
     * @return empirical λ(bucket·w), trades per second.
     */
    public double lambda(final int bucket)
    {
        return reaching[bucket] * perSecond;
    }

    /**
     * @param bucket bucket index.
     * @return least-squares λ(bucket·w) = A·e^(−k·bucket·w), trades per second.
     */
    public double fittedLambda(final int bucket)
    {
        return a * Math.exp(-k * bucket * bucketTicks);
    }

    /**
     * @return trades at or beyond the last bucket's upper edge (they reach every bucket).
     */
    public long beyondLastBucket()
    {
        return Math.round(beyond);
    }

    /**
     * @return first bucket of the fit range, −1 if not fitted.
     */
    public int firstFitted()
    {
        return firstFitted;
    }

    /**
     * @return last bucket of the fit range, −1 if not fitted.
     */
    public int lastFitted()
    {
        return lastFitted;
    }

    /**
     * @return least-squares A, trades per second, NaN if not fitted.
     */
    public double a()
    {
        return a;
    }

    /**
     * @return least-squares k, per tick, NaN if not fitted.
     */
    public double k()
    {
        return k;
    }

    /**
     * @return weighted R² of the least-squares fit.
     */
    public double r2()
    {
        return r2;
    }

    /**
     * @return maximum-likelihood A, trades per second.
     */
    public double mleA()
    {
        return mleA;
    }

    /**
     * @return maximum-likelihood k, per tick.
     */
    public double mleK()
    {
        return mleK;
    }
}
