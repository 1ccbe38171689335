package io.ticklane.marketmaking.quote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quoters are chosen by name and every bad parameter is an error at construction, naming the culprit.
 */
class QuoterRegistryTest
{
    private final QuoterRegistry registry = QuoterRegistry.standard();

    @Test
    void everyModelOfTheIssueIsRegistered()
    {
        assertEquals(
            List.of("as-finite", "as-infinite", "glft", "as-inventory", "as-adverse", "as-hedge", "as-microprice",
                "touch", "fixed", "grid"),
            registry.ids());
        for (final String id : registry.ids())
        {
            final String spec = "as-microprice".equals(id) ? id + "(base=glft)" : id;
            assertEquals(id, registry.create(spec).id());
        }
    }

    @Test
    void microPriceWrapsTheNamedBase()
    {
        final Quoter quoter = registry.create("as-microprice(base=as-inventory(q_max=4,gamma=0.2),mid_fallback=true)");
        assertInstanceOf(AsInventoryQuoter.class, ((AsMicropriceQuoter)quoter).base());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "glft(gama=0.05)                              | no parameter 'gama'",
        "glft(gamma=-1)                               | gamma=-1.0 must be a positive number",
        "glft(sigma=-2)                               | sigma=-2.0 must be a positive number",
        "glft(sigma=2,sigma_fallback=3)               | give sigma (fixed) or sigma_fallback",
        "as-finite(a=3)                               | no parameter 'a'",
        "as-finite(post_only=yes)                     | post_only=yes must be true or false",
        "as-finite(lot=3,max_size=10)                 | max_size a multiple of lot",
        "as-finite(min_size=5,max_size=4)             | min_size <= max_size",
        "as-infinite(q_max=0)                         | q_max=0 must be between 1",
        "as-inventory(inventory_penalty=-1)           | inventory_penalty=-1.0 must be zero or positive",
        "as-adverse(alpha=-0.5)                       | alpha=-0.5 must be zero or positive",
        "as-hedge(hedge_threshold=3,hedge_target=3)   | hedge_target=3 must be below hedge_threshold=3",
        "as-microprice                                | parameter base is required",
        "as-microprice(base=glft(gamma=0))            | base=glft(gamma=0)",
        "as-microprice(base=nope)                     | unknown quoter 'nope'",
        "quantum                                      | unknown quoter 'quantum'",
    })
    void badConfigurationIsRejectedWithItsName(final String spec, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.create(spec));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }
}
