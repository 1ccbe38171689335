package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Parameters;
import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the order flow family, so each of its factors is reachable by id from configuration and the command
 * line, with its parameters and their defaults in one place.
 */
public final class FlowFactors
{
    /** Default rolling window of {@code ofi_l1_sum}, ms. */
    public static final double DEFAULT_WINDOW_MS = 1000;
    /** Default ring slots of {@code ofi_l1_sum}: events with distinct timestamps one window can hold. */
    public static final int DEFAULT_CAPACITY = 1 << 16;
    /** Default kernel half-life of the decayed factors, ms. */
    public static final double DEFAULT_HALF_LIFE_MS = 1000;
    /** Default levels per side of {@code ofi_ml} and the order rates. */
    public static final int DEFAULT_LEVELS = 10;

    private FlowFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry.register("ofi_l1", "order flow imbalance e_n of the latest book event at the best level (CKS 2014), lots",
            (params) -> new OfiL1("ofi_l1"));
        registry.register("ofi_l1_sum", "best-level order flow imbalance summed over window_ms of event time, lots",
            (params) -> new OfiL1Sum("ofi_l1_sum", params.positiveDoubleParam("window_ms", DEFAULT_WINDOW_MS),
                powerOfTwo(params, "capacity", DEFAULT_CAPACITY)));
        registry.register("ofi_ml", "multi-level order flow imbalance over levels, per lot of mean level depth, dimensionless",
            (params) -> new OfiMultiLevel("ofi_ml", levels(params)));
        registry.register("signed_volume", "decayed signed trade volume (aggressor x lots), lots",
            (params) -> new SignedVolume("signed_volume", halfLife(params)));
        registry.register("vw_order_flow", "decayed signed notional / notional of taker trades, in [-1, 1]",
            (params) -> new VolumeWeightedOrderFlow("vw_order_flow", halfLife(params)));
        registry.register("trade_rate", "exponential-kernel trade intensity, trades per second",
            (params) -> new TradeRate("trade_rate", halfLife(params)));
        registry.register("volume_rate", "exponential-kernel traded volume intensity, lots per second",
            (params) -> new VolumeRate("volume_rate", halfLife(params)));
        registry.register("aggressive_buy_ratio", "decayed taker buy volume / taker volume, in [0, 1]",
            (params) -> new AggressiveBuyRatio("aggressive_buy_ratio", halfLife(params)));
        registry.register("order_arrival_rate", "lots arriving in the top levels per second (L3 adds or L2 increases)",
            (params) -> new OrderEventRate("order_arrival_rate", OrderEventRate.Kind.ARRIVAL, halfLife(params), levels(params)));
        registry.register("order_cancel_rate", "lots cancelled from the top levels per second (L3 or inferred from L2)",
            (params) -> new OrderEventRate("order_cancel_rate", OrderEventRate.Kind.CANCEL, halfLife(params), levels(params)));
    }

    private static double halfLife(final Parameters params)
    {
        return params.positiveDoubleParam("half_life_ms", DEFAULT_HALF_LIFE_MS);
    }

    private static int levels(final Parameters params)
    {
        return params.intParam("levels", DEFAULT_LEVELS, 1, OfiMultiLevel.MAX_LEVELS);
    }

    private static int powerOfTwo(final Parameters params, final String name, final int defaultValue)
    {
        final int value = params.intParam(name, defaultValue, 16, 1 << 24);
        if (Integer.bitCount(value) != 1)
        {
            throw new IllegalArgumentException(
                "factor '" + params.ownerId() + "': parameter " + name + "=" + value + " must be a power of two");
        }
        return value;
    }
}
