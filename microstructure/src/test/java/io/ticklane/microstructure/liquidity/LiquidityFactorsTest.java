package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquidityFactorsTest
{
    private final FactorRegistry registry = FactorCatalogue.standard();

    @Test
    void everyFactorIsRegisteredWithADescriptionAndDefaults()
    {
        final String[] ids = {
            "spread_ticks", "spread_bps", "spread_change", "depth_imbalance", "depth_within_bps", "kyle_lambda", "amihud"};
        for (final String id : ids)
        {
            assertNotNull(registry.description(id), id);
            assertEquals(id, registry.create(id).get(0).id());
            assertTrue(Double.isNaN(registry.create(id).get(0).value()), id + " has no value before any event");
        }
    }

    @Test
    void parametersAreReadAndValidated()
    {
        registry.create("depth_imbalance(levels=10),depth_within_bps(bps=2.5),kyle_lambda(interval_ms=200,windows=3)");
        assertThrows(IllegalArgumentException.class, () -> registry.create("depth_imbalance(levels=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("depth_within_bps(bps=-1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("depth_within_bps(bps=20000)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("kyle_lambda(windows=2)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("amihud(interval_ms=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("spread_ticks(levels=3)"));
    }
}
