package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowFactorsTest
{
    private static final List<String> IDS = List.of("ofi_l1", "ofi_l1_sum", "ofi_ml", "signed_volume", "vw_order_flow",
        "trade_rate", "volume_rate", "aggressive_buy_ratio", "order_arrival_rate", "order_cancel_rate");

    @Test
    void theStandardRegistryOffersEveryFlowFactorWithADescription()
    {
        final FactorRegistry registry = FactorCatalogue.standard();
        for (final String id : IDS)
        {
            assertTrue(registry.ids().contains(id), id);
            assertFalse(registry.description(id).isBlank(), id);
        }
    }

    @Test
    void everyFlowFactorIsCreatedWithDefaultsUnderItsOwnId()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        assertEquals(IDS, registry.ids());
        registry.createAll().forEach((factor) -> assertTrue(Double.isNaN(factor.value()), factor.id() + " before any event"));
    }
}
