package io.ticklane.marketmaking;

/**
 * What the strategy may do, from everything to nothing: the risk gate and the operator move it, and the reason is
 * recorded with the move.
 */
public enum StrategyMode
{
    /** Quoting normally. */
    ACTIVE,
    /** Only orders that reduce the position are allowed (a limit was reached, or the operator is flattening). */
    REDUCE_ONLY,
    /**
     * No new orders; only cancels. Halts for stale market data or a stale book clear by themselves when the data
     * is good again; operator STOP and the loss breakers are left only by an operator RESUME, when risk allows.
     */
    HALTED
}
