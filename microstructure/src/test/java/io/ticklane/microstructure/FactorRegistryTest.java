package io.ticklane.microstructure;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorRegistryTest
{
    private final FactorRegistry registry = new FactorRegistry()
        .register("scaled", "test factor", (params) ->
        {
            final double scale = params.positiveDoubleParam("scale", 1.0);
            final int window = params.intParam("window", 3, 1, 100);
            return new Constant("scaled", scale * window);
        })
        .register("plain", "test factor", (params) -> new Constant("plain", 7));

    @Test
    void specSelectsFactorsInOrderWithParameters()
    {
        final List<Factor> factors = registry.create("plain, scaled(scale=2.5,window=4)");

        assertEquals(2, factors.size());
        assertEquals("plain", factors.get(0).id());
        assertEquals(10.0, factors.get(1).value());
    }

    @Test
    void defaultsApplyWhenParametersAreOmitted()
    {
        assertEquals(3.0, registry.create("scaled").get(0).value());
        assertEquals(3.0, registry.create("scaled()").get(0).value());
    }

    @Test
    void unknownFactorNamesTheKnownOnes()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.create("nope"));
        assertTrue(ex.getMessage().contains("unknown factor 'nope'; known: scaled,plain"), ex.getMessage());
    }

    @Test
    void unknownParameterIsAnError()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> registry.create("scaled(sclae=2)"));
        assertEquals("'scaled' has no parameter 'sclae'", ex.getMessage());
    }

    @Test
    void badParameterValuesAreErrors()
    {
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(scale=-1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(scale=abc)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(window=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(window=2.5)"));
    }

    @Test
    void malformedSpecsAreErrors()
    {
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(scale=2"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("scaled(scale)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("plain,,scaled"));
        assertThrows(IllegalArgumentException.class, () -> registry.create(""));
    }

    @Test
    void standardRegistryCreatesEveryFactorWithDefaultsExceptThoseThatNeedAParameter()
    {
        final FactorRegistry standard = FactorCatalogue.standard();
        final List<Factor> defaults = standard.createAll();

        assertEquals("model", standard.requiredParameter("microprice"), "no silent default model");
        assertTrue(defaults.stream().noneMatch((factor) -> "microprice".equals(factor.id())));
        assertEquals(standard.ids().size() - 1, defaults.size());
        assertTrue(defaults.size() >= 30, "the catalogue holds at least 30 factors usable with defaults: " + defaults.size());
        for (final String id : standard.ids())
        {
            assertTrue(null != standard.description(id) && !standard.description(id).isBlank(), id);
        }

        // with its parameter, every factor of the catalogue can be created together
        final String spec = String.join(",", standard.ids()).replace("microprice", "microprice(model=weighted_mid_approx)");
        assertEquals(standard.ids().size(), standard.create(spec).size());
    }

    private static final class Constant extends Factor
    {
        private final double value;

        Constant(final String id, final double value)
        {
            super(id);
            this.value = value;
        }

        public void onEvent(final MarketEvent event)
        {
        }

        public double value()
        {
            return value;
        }
    }
}
