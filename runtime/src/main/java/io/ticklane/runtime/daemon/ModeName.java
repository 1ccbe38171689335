package io.ticklane.runtime.daemon;

import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.marketmaking.StrategyMode;

/**
 * The name of a strategy mode as the daemon's mode counter holds it (the {@link StrategyMode} ordinal), for the
 * tools that read counters from outside the process and must print what an operator recognises.
 */
public final class ModeName
{
    private static final StrategyMode[] MODES = StrategyMode.values();
    private static final ModeReason[] REASONS = ModeReason.values();

    private ModeName()
    {
    }

    /**
     * @param mode the mode counter's value.
     * @return the mode's name, or {@code UNKNOWN(n)} for a value no mode has (a daemon of another version).
     */
    public static String of(final long mode)
    {
        return mode >= 0 && mode < MODES.length ? MODES[(int)mode].name() : "UNKNOWN(" + mode + ")";
    }

    /**
     * @param mode   the mode counter's value.
     * @param reason the mode reason counter's value (the {@link ModeReason} ordinal).
     * @return e.g. {@code HALTED (VENUE_SILENT)}, or the mode alone when there is no reason.
     */
    public static String of(final long mode, final long reason)
    {
        if (ModeReason.NONE.ordinal() == reason)
        {
            return of(mode);
        }
        final String why = reason >= 0 && reason < REASONS.length ? REASONS[(int)reason].name() :
            "UNKNOWN(" + reason + ")";
        return of(mode) + " (" + why + ")";
    }
}
