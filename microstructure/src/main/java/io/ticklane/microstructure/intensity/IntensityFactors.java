package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the market-making calibration family: A, k and fit R² of λ(δ) = A·e^(−kδ) per side. Every factor takes
 * {@code bucket_ticks}, {@code buckets}, {@code half_life_ms} and {@code min_buckets} ({@link IntensityConfig}).
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
                (params) -> new IntensityA("intensity_a_bid", TradeDepth.BID, IntensityConfig.from(params)))
            .register("intensity_k_bid", "arrival intensity decay k of sell trades with depth below mid, 1/tick",
                (params) -> new IntensityK("intensity_k_bid", TradeDepth.BID, IntensityConfig.from(params)))
            .register("intensity_r2_bid", "R² of the log-linear fit of bid-side arrival intensity",
                (params) -> new IntensityR2("intensity_r2_bid", TradeDepth.BID, IntensityConfig.from(params)))
            .register("intensity_a_ask", "arrival intensity A of buy trades at δ=0 above mid, trades/s",
                (params) -> new IntensityA("intensity_a_ask", TradeDepth.ASK, IntensityConfig.from(params)))
            .register("intensity_k_ask", "arrival intensity decay k of buy trades with depth above mid, 1/tick",
                (params) -> new IntensityK("intensity_k_ask", TradeDepth.ASK, IntensityConfig.from(params)))
            .register("intensity_r2_ask", "R² of the log-linear fit of ask-side arrival intensity",
                (params) -> new IntensityR2("intensity_r2_ask", TradeDepth.ASK, IntensityConfig.from(params)));
    }
}
