package io.ticklane.microstructure;

import io.ticklane.microstructure.price.PriceFactors;

/**
 * The list of factor families Ticklane ships: each family registers its factors here, so adding a family is one
 * line and every factor is reachable by name from configuration and the command line.
 */
final class FactorCatalogue
{
    private FactorCatalogue()
    {
    }

    static void registerAll(final FactorRegistry registry)
    {
        PriceFactors.register(registry);
        io.ticklane.microstructure.volatility.VolatilityFactors.register(registry);
        io.ticklane.microstructure.liquidity.LiquidityFactors.register(registry);
    }
}
