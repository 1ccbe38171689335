package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.Parameters;

/**
 * Parameters shared by every intensity factor, read and validated once from {@link Parameters}.
 *
 * @param bucketTicks width of a δ bucket, ticks ({@code bucket_ticks}, default 0.5: one bucket per half tick, the
 *                    resolution of a mid between two ticks).
 * @param buckets     number of buckets ({@code buckets}, default 40, so δ up to 20 ticks; 2..256).
 * @param halfLifeMs  half-life of a trade's weight ({@code half_life_ms}, default 300000, five minutes).
 * @param minBuckets  fewest buckets in the fit range before a value is given ({@code min_buckets}, default 3).
 */
public record IntensityConfig(double bucketTicks, int buckets, double halfLifeMs, int minBuckets)
{
    /** Default bucket width, ticks. */
    public static final double DEFAULT_BUCKET_TICKS = 0.5;
    /** Default number of buckets. */
    public static final int DEFAULT_BUCKETS = 40;
    /** Largest number of buckets: refits stay O(buckets) per trade. */
    public static final int MAX_BUCKETS = 256;
    /** Default half-life, ms. */
    public static final double DEFAULT_HALF_LIFE_MS = 300_000;
    /** Default fewest buckets to fit. */
    public static final int DEFAULT_MIN_BUCKETS = 3;

    /**
     * @param params the factor's parameters.
     * @return the validated configuration.
     */
    public static IntensityConfig from(final Parameters params)
    {
        final double bucketTicks = params.positiveDoubleParam("bucket_ticks", DEFAULT_BUCKET_TICKS);
        final int buckets = params.intParam("buckets", DEFAULT_BUCKETS, 2, MAX_BUCKETS);
        final double halfLifeMs = params.positiveDoubleParam("half_life_ms", DEFAULT_HALF_LIFE_MS);
        final int minBuckets = params.intParam("min_buckets", DEFAULT_MIN_BUCKETS, 2, buckets);
        return new IntensityConfig(bucketTicks, buckets, halfLifeMs, minBuckets);
    }
}
