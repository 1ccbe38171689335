package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Parameters;
import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the volatility family with its parameters and defaults, so each factor is selectable by name.
 */
public final class VolatilityFactors
{
    private VolatilityFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry
            .register("realized_vol_ewma",
                "EWMA of squared mid log-returns per second over irregular time (half_life_ms=1000), per sqrt(s)",
                (params) -> new RealizedVolEwma(params.ownerId(), params.positiveDoubleParam("half_life_ms", 1000.0)))
            .register("realized_vol_window",
                "sqrt(sum r^2 / time spanned) over the last N mid changes (changes=100), per sqrt(s)",
                (params) -> new RealizedVolWindow(params.ownerId(), changes(params)))
            .register("micro_vol",
                "standard deviation of mid changes over the last N changes (changes=100), ticks",
                (params) -> new MicroVol(params.ownerId(), changes(params)))
            .register("parkinson_vol",
                "Parkinson high-low range estimator averaged over K windows (window_ms=1000, windows=20), per sqrt(s)",
                (params) -> new ParkinsonVol(
                    params.ownerId(),
                    params.intParam("window_ms", 1000, 1, 86_400_000),
                    params.intParam("windows", 20, 1, 100_000)));
    }

    private static int changes(final Parameters params)
    {
        return params.intParam("changes", 100, 2, 1_000_000);
    }
}
