package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.Parameters;

/**
 * Registers the market-making calibration family: A, k and fit R² of λ(δ) = A·e^(−kδ) per side. Every factor takes
 * {@code bucket_ticks}, {@code buckets}, {@code half_life_ms} and {@code min_buckets} ({@link IntensityConfig}).
 * Factors of one spec with the same side and parameters share one estimator ({@link SideArrivals}), so a side's
 * curve is refitted once per trade however many of its factors are configured.
 */
public final class IntensityFactors
{
    private IntensityFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry
            .register("intensity_a_bid", "arrival intensity A of sell trades at δ=0 below mid, trades/s",
                (params) -> new IntensityA("intensity_a_bid", TradeDepth.BID, shared(params, TradeDepth.BID)))
            .register("intensity_k_bid", "arrival intensity decay k of sell trades with depth below mid, 1/tick",
                (params) -> new IntensityK("intensity_k_bid", TradeDepth.BID, shared(params, TradeDepth.BID)))
            .register("intensity_r2_bid", "R² of the log-linear fit of bid-side arrival intensity",
                (params) -> new IntensityR2("intensity_r2_bid", TradeDepth.BID, shared(params, TradeDepth.BID)))
            .register("intensity_a_ask", "arrival intensity A of buy trades at δ=0 above mid, trades/s",
                (params) -> new IntensityA("intensity_a_ask", TradeDepth.ASK, shared(params, TradeDepth.ASK)))
            .register("intensity_k_ask", "arrival intensity decay k of buy trades with depth above mid, 1/tick",
                (params) -> new IntensityK("intensity_k_ask", TradeDepth.ASK, shared(params, TradeDepth.ASK)))
            .register("intensity_r2_ask", "R² of the log-linear fit of ask-side arrival intensity",
                (params) -> new IntensityR2("intensity_r2_ask", TradeDepth.ASK, shared(params, TradeDepth.ASK)));
    }

    private static SideArrivals shared(final Parameters params, final int side)
    {
        final IntensityConfig config = IntensityConfig.from(params);
        return params.shared(new SideArrivals.Key(side, config), () -> new SideArrivals(side, config));
    }
}
