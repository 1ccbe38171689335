package io.ticklane.marketmaking.risk;

/**
 * What the caller must do after reporting an input to the {@link RiskGate}: the gate never calls out, it says.
 */
public enum RiskAction
{
    /** Nothing to do. */
    NONE,
    /** The strategy just halted: cancel every working order (a mass cancel). */
    CANCEL_ALL_REQUIRED
}
