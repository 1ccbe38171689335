package io.ticklane.tuning.layout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed bytes as a core layout file ({@code tuning/layouts/*.properties}): {@link CoreLayout} reads a layout with at
 * least one role, no role twice and no core twice, or refuses with an {@link IllegalArgumentException} (the class
 * itself, not a leaked subclass) naming the file and the line. Anything else is a finding.
 * Corpus: src/test/resources/io/ticklane/tuning/layout/CoreLayoutFuzzTestInputs/&lt;method&gt;/.
 */
class CoreLayoutFuzzTest
{
    private static final String SOURCE = "fuzzed.properties";

    @FuzzTest
    void layoutIsReadOrRefusedNamingTheLine(final byte[] data)
    {
        final CoreLayout layout;
        try
        {
            layout = CoreLayout.read("fuzzed", SOURCE, data);
        }
        catch (final IllegalArgumentException ex)
        {
            final String message = ex.getMessage();
            assertEquals(IllegalArgumentException.class, ex.getClass(), () -> "a leaked " + ex.getClass().getName() + ": " + message);
            assertTrue(message.matches("(?s)\\Q" + SOURCE + "\\E(:[0-9]+)?: .+"), () -> "the error must name the file and line: " + message);
            return;
        }
        assertFalse(layout.roles().isEmpty());
        final Set<Integer> cores = new HashSet<>();
        for (final String role : layout.roles())
        {
            assertTrue(role.matches("[a-z][a-z0-9-]*"), role);
            layout.core(role).ifPresent((core) -> assertTrue(core >= 0 && cores.add(core), "core " + core + " given once"));
        }
    }
}
