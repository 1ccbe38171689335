package io.ticklane.microstructure.price;

import io.ticklane.microstructure.FactorRegistry;

/**
 * Registers the price family.
 */
public final class PriceFactors
{
    private PriceFactors()
    {
    }

    /**
     * @param registry receives the family's factors.
     */
    public static void register(final FactorRegistry registry)
    {
        registry.register("mid", "mid price (best bid + best ask) / 2, ticks", (params) -> new MidPrice("mid"));
    }
}
