package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Where a model's σ, A and k come from on one event, in this order: a value fixed in the parameters
 * ({@code sigma}, {@code a}, {@code k}); else the factor engine's estimate in {@link QuoteInputs} when it is
 * available (finite; σ ≥ 0, A and k &gt; 0); else the configured fallback ({@code sigma_fallback}, {@code a_fallback},
 * {@code k_fallback}) used only while the estimate is not available (warm-up). With neither, the value is NaN and the
 * quoter does not quote. Giving both a fixed value and a fallback for the same input is a configuration error: the
 * fallback could never be used.
 */
final class ModelInputs
{
    private final double fixedSigma;
    private final double sigmaFallback;
    private final double fixedA;
    private final double aFallback;
    private final double fixedK;
    private final double kFallback;
    double sigma;
    double a;
    double k;

    private ModelInputs(
        final double fixedSigma,
        final double sigmaFallback,
        final double fixedA,
        final double aFallback,
        final double fixedK,
        final double kFallback)
    {
        this.fixedSigma = fixedSigma;
        this.sigmaFallback = sigmaFallback;
        this.fixedA = fixedA;
        this.aFallback = aFallback;
        this.fixedK = fixedK;
        this.kFallback = kFallback;
    }

    /**
     * Reads {@code sigma}, {@code sigma_fallback}, {@code k}, {@code k_fallback} and, if the model uses A,
     * {@code a} and {@code a_fallback}.
     */
    static ModelInputs from(final Parameters params, final boolean usesA)
    {
        final double fixedSigma = exclusive(params, "sigma");
        final double sigmaFallback = QuoterParameters.optionalPositive(params, "sigma_fallback");
        final double fixedK = exclusive(params, "k");
        final double kFallback = QuoterParameters.optionalPositive(params, "k_fallback");
        final double fixedA = usesA ? exclusive(params, "a") : Double.NaN;
        final double aFallback = usesA ? QuoterParameters.optionalPositive(params, "a_fallback") : Double.NaN;
        requireNotBoth(params, "sigma", fixedSigma, sigmaFallback);
        requireNotBoth(params, "k", fixedK, kFallback);
        requireNotBoth(params, "a", fixedA, aFallback);
        return new ModelInputs(fixedSigma, sigmaFallback, fixedA, aFallback, fixedK, kFallback);
    }

    /**
     * Resolves σ and k for this event.
     *
     * @return true if both are known.
     */
    boolean resolveSigmaAndK(final QuoteInputs in)
    {
        sigma = pick(fixedSigma, in.sigma() >= 0 ? in.sigma() : Double.NaN, sigmaFallback);
        k = pick(fixedK, in.intensityK() > 0 ? in.intensityK() : Double.NaN, kFallback);
        return !Double.isNaN(sigma) && !Double.isNaN(k);
    }

    /**
     * Resolves σ, A and k for this event.
     *
     * @return true if all three are known.
     */
    boolean resolveAll(final QuoteInputs in)
    {
        final boolean sigmaAndK = resolveSigmaAndK(in);
        a = pick(fixedA, in.intensityA() > 0 ? in.intensityA() : Double.NaN, aFallback);
        return sigmaAndK && !Double.isNaN(a);
    }

    private static double pick(final double fixed, final double estimate, final double fallback)
    {
        if (!Double.isNaN(fixed))
        {
            return fixed;
        }
        return Double.isFinite(estimate) ? estimate : fallback;
    }

    private static double exclusive(final Parameters params, final String name)
    {
        return QuoterParameters.optionalPositive(params, name);
    }

    private static void requireNotBoth(final Parameters params, final String name, final double fixed, final double fallback)
    {
        if (!Double.isNaN(fixed) && !Double.isNaN(fallback))
        {
            throw new IllegalArgumentException("'" + params.ownerId() + "': give " + name + " (fixed) or "
                + name + "_fallback (used while the estimate warms up), not both");
        }
    }
}
