package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolatilityFactorsTest
{
    private final FactorRegistry registry = FactorCatalogue.standard();

    @Test
    void everyFactorIsRegisteredWithADescriptionAndDefaults()
    {
        for (final String id : new String[]{"realized_vol_ewma", "realized_vol_window", "micro_vol", "parkinson_vol"})
        {
            assertTrue(registry.description(id).contains("sqrt(s)") || registry.description(id).contains("ticks"), id);
            assertEquals(id, registry.create(id).get(0).id());
            assertTrue(Double.isNaN(registry.create(id).get(0).value()), id + " starts warming up");
        }
    }

    @Test
    void parametersAreReadAndValidated()
    {
        registry.create("realized_vol_ewma(half_life_ms=250.5),micro_vol(changes=2),parkinson_vol(window_ms=100,windows=1)");
        assertThrows(IllegalArgumentException.class, () -> registry.create("realized_vol_ewma(half_life_ms=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("realized_vol_window(changes=1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("micro_vol(changes=many)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("parkinson_vol(windows=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("parkinson_vol(window_ms=-5)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("parkinson_vol(window=20)"));
    }
}
