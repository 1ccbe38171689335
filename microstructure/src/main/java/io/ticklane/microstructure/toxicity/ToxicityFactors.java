package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.Parameters;
import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the toxicity family ({@code vpin}, {@code vpin_cdf}) and reads their shared parameters in one place, so
 * both factors accept the same names, defaults and limits.
 */
public final class ToxicityFactors
{
    /** Default V, lots per bucket. */
    public static final int DEFAULT_BUCKET_VOLUME = 50;
    /** Default n, buckets in the VPIN window (the paper's choice). */
    public static final int DEFAULT_WINDOW = 50;
    /** Default m, VPIN values the CDF ranks against. */
    public static final int DEFAULT_HISTORY = 1000;
    /** Largest window, σ window or history accepted: state is preallocated, so keep it bounded. */
    public static final int MAX_WINDOW = 1_000_000;

    private ToxicityFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry.register("vpin",
            "VPIN: sum of |sell - buy| volume over the last n equal-volume buckets / (n * V), fraction in [0,1]",
            (params) -> new Vpin("vpin", bucketVolume(params), window(params), sigmaWindow(params), classification(params)));
        registry.register("vpin_cdf",
            "empirical CDF rank of VPIN among its last m bucket values, fraction in (0,1]",
            (params) -> new VpinCdf("vpin_cdf", bucketVolume(params), window(params), sigmaWindow(params),
                classification(params), params.intParam("history", DEFAULT_HISTORY, 2, MAX_WINDOW)));
    }

    static void validate(
        final String id, final long bucketVolume, final int window, final int sigmaWindow, final TradeClassification classification)
    {
        if (bucketVolume < 1)
        {
            throw new IllegalArgumentException("factor '" + id + "': bucket_volume must be at least 1 lot: " + bucketVolume);
        }
        if (window < 1 || window > MAX_WINDOW)
        {
            throw new IllegalArgumentException("factor '" + id + "': window must be between 1 and " + MAX_WINDOW + ": " + window);
        }
        if (sigmaWindow < 2 || sigmaWindow > MAX_WINDOW)
        {
            throw new IllegalArgumentException(
                "factor '" + id + "': sigma_window must be between 2 and " + MAX_WINDOW + ": " + sigmaWindow);
        }
        if (null == classification)
        {
            throw new IllegalArgumentException("factor '" + id + "': classification must be given");
        }
    }

    private static long bucketVolume(final Parameters params)
    {
        return params.intParam("bucket_volume", DEFAULT_BUCKET_VOLUME, 1, Integer.MAX_VALUE);
    }

    private static int window(final Parameters params)
    {
        return params.intParam("window", DEFAULT_WINDOW, 1, MAX_WINDOW);
    }

    // Defaults to the VPIN window (at least 2, which a sample standard deviation needs); read after window().
    private static int sigmaWindow(final Parameters params)
    {
        final int window = params.intParam("window", DEFAULT_WINDOW, 1, MAX_WINDOW);
        return params.intParam("sigma_window", Math.max(2, window), 2, MAX_WINDOW);
    }

    private static TradeClassification classification(final Parameters params)
    {
        return TradeClassification.fromParameter(params.ownerId(),
            params.stringParam("classification", TradeClassification.BVC.parameterValue()));
    }
}
