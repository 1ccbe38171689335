package io.ticklane.microstructure.catalogue;

import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.flow.FlowFactors;
import io.ticklane.microstructure.intensity.IntensityFactors;
import io.ticklane.microstructure.liquidity.LiquidityFactors;
import io.ticklane.microstructure.price.PriceFactors;
import io.ticklane.microstructure.toxicity.ToxicityFactors;
import io.ticklane.microstructure.volatility.VolatilityFactors;

/**
 * The list of factor families Ticklane ships: each family registers its factors here, so adding a family is one
 * line and every factor is reachable by name from configuration and the command line. It sits above the families
 * (which depend on the core types in {@code io.ticklane.microstructure}) so that no package cycle joins them.
 */
public final class FactorCatalogue
{
    private FactorCatalogue()
    {
    }

    /**
     * @return a registry holding every factor Ticklane ships.
     */
    public static FactorRegistry standard()
    {
        final FactorRegistry registry = new FactorRegistry();
        PriceFactors.register(registry);
        FlowFactors.register(registry);
        ToxicityFactors.register(registry);
        VolatilityFactors.register(registry);
        LiquidityFactors.register(registry);
        IntensityFactors.register(registry);
        return registry;
    }
}
