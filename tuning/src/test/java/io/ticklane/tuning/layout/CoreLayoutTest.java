package io.ticklane.tuning.layout;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreLayoutTest
{
    @Test
    void pinnedLayoutGivesEachRoleItsCore() throws Exception
    {
        final CoreLayout layout = CoreLayout.load(Path.of("layouts", "pinned.properties"));

        assertEquals("pinned", layout.name());
        assertEquals(List.of("receiver", "trading", "order-sender", "journal"), layout.roles());
        assertEquals(OptionalInt.of(2), layout.core("receiver"));
        assertEquals(OptionalInt.of(3), layout.core("trading"));
        assertEquals(OptionalInt.of(4), layout.core("order-sender"));
        assertEquals(OptionalInt.empty(), layout.core("journal"));
    }

    @Test
    void oneThreadLayoutHasOneUnpinnedRole() throws Exception
    {
        final CoreLayout layout = CoreLayout.load(Path.of("layouts", "one-thread.properties"));

        assertEquals(List.of("all"), layout.roles());
        assertTrue(layout.hasRole("all"));
        assertEquals(OptionalInt.empty(), layout.core("all"));
        assertFalse(layout.hasRole("receiver"));
    }

    @Test
    void sameCoreForTwoRolesIsRejectedWithFileAndLine()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> CoreLayout.parse("x", "x.properties", List.of("# two on one core", "trading=3", "order-sender=3")));

        assertEquals("x.properties:3: core 3 given to two roles", ex.getMessage());
    }

    @Test
    void garbledLinesAreRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> CoreLayout.parse("x", "x", List.of("trading")));
        assertThrows(IllegalArgumentException.class, () -> CoreLayout.parse("x", "x", List.of("trading=fast")));
        assertThrows(IllegalArgumentException.class, () -> CoreLayout.parse("x", "x", List.of("Trading=1")));
        assertThrows(IllegalArgumentException.class, () -> CoreLayout.parse("x", "x", List.of("trading=1", "trading=2")));
        assertThrows(IllegalArgumentException.class, () -> CoreLayout.parse("x", "x", List.of("# nothing")));
    }
}
