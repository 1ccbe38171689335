package io.ticklane.microstructure.intensity;

/**
 * One side's online estimate of λ(δ) = A·e^(−kδ): an {@link ArrivalCurve} whose counts decay with a half-life, so
 * each trade weighs {@code e^(−β(t−s))}, {@code β = ln 2 / half-life}, and the curve is refitted on every trade.
 * <p>
 * Counts become trades per second with the exact normaliser of an exponential window opened at {@code t0} (the
 * first two-sided book): a Poisson stream of rate λ leaves an expected decayed count {@code λ·(1 − e^(−β(t−t0)))/β},
 * so {@code λ̂ = β·C / (1 − e^(−β(t−t0)))}, unbiased from the first second and tending to {@code β·C}. Because every
 * bucket decays by the same factor, k and R² change only when a trade arrives, while A is brought to the current
 * time on every event: with no trades it falls, as the rate it measures does.
 */
final class DecayingArrivals
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final ArrivalCurve curve;
    private final double betaPerSecond;
    private final int minBuckets;
    private long startNs;
    private boolean started;
    private long lastTradeNs;
    private boolean fitted;
    private long trades;

    DecayingArrivals(final double bucketTicks, final int buckets, final double halfLifeMs, final int minBuckets)
    {
        this.curve = new ArrivalCurve(bucketTicks, buckets);
        this.betaPerSecond = Math.log(2.0) / (halfLifeMs / 1e3);
        this.minBuckets = minBuckets;
    }

    /**
     * Opens the window at the first call (the first two-sided book); later calls do nothing.
     */
    void start(final long timeNs)
    {
        if (!started)
        {
            started = true;
            startNs = timeNs;
            lastTradeNs = timeNs;
        }
    }

    boolean started()
    {
        return started;
    }

    void onTrade(final long timeNs, final double depth)
    {
        final long sinceLast = timeNs - lastTradeNs;
        if (sinceLast > 0)
        {
            curve.scale(Math.exp(-betaPerSecond * (sinceLast / NANOS_PER_SECOND)));
            lastTradeNs = timeNs;
        }
        curve.add(depth);
        trades++;
        fitted = curve.fit(minBuckets);
    }

    /**
     * @return A in trades per second at {@code timeNs} (≥ the last trade's time), NaN until fitted.
     */
    double a(final long timeNs)
    {
        if (!fitted)
        {
            return Double.NaN;
        }
        final double elapsedSeconds = (timeNs - startNs) / NANOS_PER_SECOND;
        if (!(elapsedSeconds > 0))
        {
            return Double.NaN;
        }
        final double sinceLastTrade = Math.max(0, timeNs - lastTradeNs) / NANOS_PER_SECOND;
        final double decayedCount = curve.countA() * Math.exp(-betaPerSecond * sinceLastTrade);
        return decayedCount * betaPerSecond / -Math.expm1(-betaPerSecond * elapsedSeconds);
    }

    double k()
    {
        return fitted ? curve.k() : Double.NaN;
    }

    double r2()
    {
        return fitted ? curve.r2() : Double.NaN;
    }

    long trades()
    {
        return trades;
    }

    ArrivalCurve curve()
    {
        return curve;
    }
}
