package io.ticklane.marketmaking.risk;

/**
 * The result of an operator command given to {@link RiskGate#onAdmin}: what the caller must do, or why the command
 * was refused. Every outcome is counted; the caller journals the command either way. A command with a wrong token
 * never gets here: the daemon refuses it at the edge.
 */
public enum AdminOutcome
{
    /** STOP, FLATTEN or CANCEL_ALL accepted: cancel every working order now. */
    CANCEL_ALL_REQUIRED,
    /** RESUME accepted: the strategy is active again (unless a self-clearing condition still holds, see mode). */
    RESUMED,
    /** The command type is not one the gate knows: nothing changed. */
    REJECTED_UNKNOWN_COMMAND,
    /** RESUME while nothing was stopped, flattening or latched by a breaker: nothing changed. */
    RESUME_REFUSED_NOTHING_TO_RESUME,
    /** RESUME while a risk breach is still active (loss, drawdown, position, stale data or book): nothing changed. */
    RESUME_REFUSED_BREACH_ACTIVE
}
