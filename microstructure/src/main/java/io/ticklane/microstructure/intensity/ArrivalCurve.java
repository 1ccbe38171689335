package io.ticklane.microstructure.intensity;

/**
 * Trade counts per δ bucket on one side and the fit of λ(δ) = A·e^(−kδ) to them, shared by the online factors
 * (which decay the counts with {@link #scale(double)}) and the offline fitter (which keeps exact counts).
 * <p>
 * Bucket {@code i} holds trades with {@code i·w ≤ δ < (i+1)·w}, {@code w} the bucket width in ticks; trades at or
 * beyond the last bucket are kept in an overflow count (with the sum of their bucket indices, for the
 * maximum-likelihood fit). The curve is evaluated at the lower edges {@code δ_i = i·w}: the trades reaching at least
 * {@code δ_i} are exactly those in buckets {@code ≥ i} plus the overflow, so {@link #reaching(int)} is the cumulative
 * count from the deep end with no discretisation bias — a quote at δ is filled by any trade that reaches δ or beyond
 * (AS 2008 §2.3, the GLFT calibration in hftbacktest's tutorial).
 * <p>
 * Fit range: from the first bucket with trades of its own to the last bucket some trade reaches. Leading buckets in
 * which fewer than {@link #FLAT_SHARE} of the trades reaching them stop are flat by construction — inside the spread
 * nobody trades, so every trade "reaches" them — and carry no information on k; fitting them biases k low.
 * <p>
 * Two estimates, in counts (the caller turns counts into trades per second):
 * <ul>
 * <li>least squares of {@code ln N(δ_i) = ln A − k·δ_i}, weighted by {@code N(δ_i)} (the delta method: the variance
 * of a log Poisson count is ≈ 1/N, so sparse deep buckets do not dominate), with its weighted R²;</li>
 * <li>maximum likelihood: given it reaches {@code δ_f} (first fitted bucket), a trade's bucket index above {@code f}
 * is geometric with ratio {@code e^(−kw)}, so with {@code m} the mean index above {@code f},
 * {@code k = ln(1 + 1/m)/w} and {@code A = N(δ_f)·e^(k·δ_f)}.</li>
 * </ul>
 * Nothing is allocated after construction.
 */
public final class ArrivalCurve
{
    /** Share of the trades reaching a leading bucket that must stop in it for the bucket to enter the fit. */
    public static final double FLAT_SHARE = 1e-3;

    private final double bucketTicks;
    private final double[] own;
    private final double[] reaching;
    private final double[] logReaching;
    private double beyond;
    private double beyondIndexSum;

    private int first = -1;
    private int last = -1;
    private double countA = Double.NaN;
    private double k = Double.NaN;
    private double r2 = Double.NaN;
    private double mleCountA = Double.NaN;
    private double mleK = Double.NaN;

    /**
     * @param bucketTicks bucket width in ticks, positive.
     * @param buckets     number of buckets, at least 2; the curve covers δ in [0, bucketTicks·buckets).
     */
    public ArrivalCurve(final double bucketTicks, final int buckets)
    {
        if (!(bucketTicks > 0) || Double.isInfinite(bucketTicks))
        {
            throw new IllegalArgumentException("bucket width must be a positive number of ticks: " + bucketTicks);
        }
        if (buckets < 2)
        {
            throw new IllegalArgumentException("at least 2 buckets are needed to fit a slope: " + buckets);
        }
        this.bucketTicks = bucketTicks;
        this.own = new double[buckets];
        this.reaching = new double[buckets];
        this.logReaching = new double[buckets];
    }

    /**
     * @param depth δ of one trade, ticks, ≥ 0.
     */
    public void add(final double depth)
    {
        final double index = Math.floor(depth / bucketTicks);
        if (index < own.length)
        {
            own[(int)index] += 1.0;
        }
        else
        {
            beyond += 1.0;
            beyondIndexSum += index;
        }
    }

    /**
     * Multiplies every count by a factor: the time decay of the online estimator.
     *
     * @param factor in (0, 1].
     */
    public void scale(final double factor)
    {
        final double[] own = this.own;
        for (int i = 0; i < own.length; i++)
        {
            own[i] *= factor;
        }
        beyond *= factor;
        beyondIndexSum *= factor;
    }

    /**
     * Recomputes the cumulative counts and both fits.
     *
     * @param minBuckets fewest buckets in the fit range for a result.
     * @return true if fitted; otherwise every estimate is NaN.
     */
    public boolean fit(final int minBuckets)
    {
        final double[] own = this.own;
        final double[] reaching = this.reaching;
        double sum = beyond;
        for (int i = own.length - 1; i >= 0; i--)
        {
            sum += own[i];
            reaching[i] = sum;
        }

        first = -1;
        last = -1;
        for (int i = 0; i < own.length; i++)
        {
            if (reaching[i] > 0 && own[i] >= FLAT_SHARE * reaching[i])
            {
                first = i;
                break;
            }
        }
        if (first >= 0)
        {
            last = first;
            while (last + 1 < own.length && reaching[last + 1] > 0)
            {
                last++;
            }
        }

        if (first < 0 || last - first + 1 < minBuckets)
        {
            countA = Double.NaN;
            k = Double.NaN;
            r2 = Double.NaN;
            mleCountA = Double.NaN;
            mleK = Double.NaN;
            return false;
        }
        fitLeastSquares();
        fitMaximumLikelihood();
        return true;
    }

    private void fitLeastSquares()
    {
        final double[] reaching = this.reaching;
        final double[] logReaching = this.logReaching;
        double sw = 0;
        double swx = 0;
        double swy = 0;
        for (int i = first; i <= last; i++)
        {
            final double w = reaching[i];
            final double y = Math.log(w);
            logReaching[i] = y;
            sw += w;
            swx += w * (i * bucketTicks);
            swy += w * y;
        }
        final double meanX = swx / sw;
        final double meanY = swy / sw;

        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = first; i <= last; i++)
        {
            final double w = reaching[i];
            final double dx = i * bucketTicks - meanX;
            final double dy = logReaching[i] - meanY;
            sxx += w * dx * dx;
            sxy += w * dx * dy;
            syy += w * dy * dy;
        }
        final double slope = sxy / sxx;
        double sse = 0;
        for (int i = first; i <= last; i++)
        {
            final double residual = logReaching[i] - meanY - slope * (i * bucketTicks - meanX);
            sse += reaching[i] * residual * residual;
        }

        k = -slope;
        countA = Math.exp(meanY - slope * meanX);
        r2 = syy > 0 ? 1.0 - sse / syy : Double.NaN;
    }

    private void fitMaximumLikelihood()
    {
        final double[] own = this.own;
        final double n = reaching[first];
        double indexSum = beyondIndexSum - beyond * first;
        for (int i = first + 1; i < own.length; i++)
        {
            indexSum += own[i] * (i - first);
        }
        final double meanIndex = indexSum / n;
        if (meanIndex > 0)
        {
            mleK = Math.log1p(1.0 / meanIndex) / bucketTicks;
            mleCountA = n * Math.exp(mleK * first * bucketTicks);
        }
        else
        {
            mleK = Double.NaN;
            mleCountA = Double.NaN;
        }
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
     * @return (decayed) count of trades ending in the bucket.
     */
    public double own(final int bucket)
    {
        return own[bucket];
    }

    /**
     * @param bucket bucket index.
     * @return (decayed) count of trades reaching δ = bucket·width or beyond, as of the last {@link #fit(int)}.
     */
    public double reaching(final int bucket)
    {
        return reaching[bucket];
    }

    /**
     * @return (decayed) count of trades at or beyond the last bucket's upper edge.
     */
    public double beyond()
    {
        return beyond;
    }

    /**
     * @return first bucket of the last fit range, −1 if none.
     */
    public int firstFitted()
    {
        return first;
    }

    /**
     * @return last bucket of the last fit range, −1 if none.
     */
    public int lastFitted()
    {
        return last;
    }

    /**
     * @return least-squares A in counts over the window (trades reaching δ = 0), NaN if not fitted.
     */
    public double countA()
    {
        return countA;
    }

    /**
     * @return least-squares k, per tick, NaN if not fitted.
     */
    public double k()
    {
        return k;
    }

    /**
     * @return weighted R² of the log-linear least-squares fit, NaN if not fitted or all points equal.
     */
    public double r2()
    {
        return r2;
    }

    /**
     * @return maximum-likelihood A in counts over the window, NaN if not fitted.
     */
    public double mleCountA()
    {
        return mleCountA;
    }

    /**
     * @return maximum-likelihood k, per tick, NaN if not fitted or every fitted trade is in the first bucket.
     */
    public double mleK()
    {
        return mleK;
    }
}
