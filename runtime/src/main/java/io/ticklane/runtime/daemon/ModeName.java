package io.ticklane.runtime.daemon;

import io.ticklane.marketmaking.StrategyMode;

/**
 * The name of a strategy mode as the daemon's mode counter holds it (the {@link StrategyMode} ordinal), for the
 * tools that read counters from outside the process and must print what an operator recognises.
 */
public final class ModeName
{
    private static final StrategyMode[] MODES = StrategyMode.values();

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
}
