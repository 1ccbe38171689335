package io.ticklane.microstructure;

import io.ticklane.microstructure.flow.FlowFactors;
import io.ticklane.microstructure.intensity.IntensityFactors;
import io.ticklane.microstructure.liquidity.LiquidityFactors;
import io.ticklane.microstructure.price.PriceFactors;
import io.ticklane.microstructure.toxicity.ToxicityFactors;
import io.ticklane.microstructure.volatility.VolatilityFactors;

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
        FlowFactors.register(registry);
        ToxicityFactors.register(registry);
        VolatilityFactors.register(registry);
        LiquidityFactors.register(registry);
        IntensityFactors.register(registry);
    }
}
