package io.ticklane.runtime.daemon;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.risk.ModeReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mode reason counter holds a {@link ModeReason} ordinal, read by tools of possibly another build: the ordinals
 * already exported never move, and a new reason shows by name.
 */
class ModeNameTest
{
    @Test
    void theModeReasonCounterValuesKeepTheirNamesAndVenueDisconnectedIsTen()
    {
        assertEquals(8, ModeReason.VENUE_SILENT.ordinal());
        assertEquals(9, ModeReason.UNKNOWN_FILL.ordinal());
        assertEquals(10, ModeReason.VENUE_DISCONNECTED.ordinal());
        assertEquals(11, ModeReason.values().length);

        assertEquals("HALTED (VENUE_DISCONNECTED)", ModeName.of(StrategyMode.HALTED.ordinal(), 10));
        assertEquals("HALTED (VENUE_SILENT)", ModeName.of(StrategyMode.HALTED.ordinal(), 8));
        assertEquals("ACTIVE", ModeName.of(StrategyMode.ACTIVE.ordinal(), ModeReason.NONE.ordinal()));
        assertEquals("HALTED (UNKNOWN(11))", ModeName.of(StrategyMode.HALTED.ordinal(), 11), "a newer daemon's reason");
    }
}
