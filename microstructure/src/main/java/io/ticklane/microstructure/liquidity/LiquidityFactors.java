package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the liquidity and spread family with its parameters and defaults, so each factor is selectable by name.
 */
public final class LiquidityFactors
{
    private LiquidityFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry
            .register("spread_ticks", "quoted spread best ask - best bid, ticks",
                (params) -> new SpreadTicks(params.ownerId()))
            .register("spread_bps", "quoted spread / mid x 1e4, basis points",
                (params) -> new SpreadBps(params.ownerId()))
            .register("spread_change", "change of the spread since the previous BOOK event, ticks",
                (params) -> new SpreadChange(params.ownerId()))
            .register("depth_imbalance", "(bid qty - ask qty) / (bid qty + ask qty) over k levels (levels=5), in [-1, 1]",
                (params) -> new DepthImbalance(params.ownerId(), params.intParam("levels", 5, 1, 1000)))
            .register("depth_within_bps", "quantity on both sides within x bps of mid (bps=10), lots",
                (params) -> new DepthWithinBps(params.ownerId(), bps(params.positiveDoubleParam("bps", 10.0), params.ownerId())))
            .register("kyle_lambda",
                "rolling OLS slope of mid change on signed volume per interval (interval_ms=1000, windows=50), ticks per lot",
                (params) -> new KyleLambda(
                    params.ownerId(),
                    params.intParam("interval_ms", 1000, 1, 86_400_000),
                    params.intParam("windows", 50, 3, 100_000)))
            .register("amihud",
                "mean |mid log-return| / volume per interval (interval_ms=1000, windows=50), log-return per lot",
                (params) -> new AmihudIlliquidity(
                    params.ownerId(),
                    params.intParam("interval_ms", 1000, 1, 86_400_000),
                    params.intParam("windows", 50, 1, 100_000)));
    }

    private static double bps(final double bps, final String factorId)
    {
        if (bps > 10_000.0)
        {
            throw new IllegalArgumentException("factor '" + factorId + "': parameter bps=" + bps + " must be at most 10000");
        }
        return bps;
    }
}
