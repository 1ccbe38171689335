package io.ticklane.marketmaking.risk;

/**
 * Why the strategy is in its current mode, recorded with the event time of the change. Listed by precedence: when
 * several causes hold at once, the first one listed is the one recorded.
 */
public enum ModeReason
{
    /** The operator sent STOP: halted until RESUME. */
    OPERATOR_STOP,
    /** Realised plus unrealised PnL fell below minus the maximum daily loss: halted until RESUME. */
    DAILY_LOSS,
    /** PnL fell further than the maximum drawdown below its peak: halted until RESUME. */
    DRAWDOWN,
    /** The book reported STALE: halted until it is live again (clears by itself). */
    BOOK_STALE,
    /** No market data for longer than the staleness limit: halted until data arrives (clears by itself). */
    STALE_MARKET_DATA,
    /** The operator sent FLATTEN: reduce-only while the position is worked to zero, until RESUME. */
    OPERATOR_FLATTEN,
    /** |position| beyond the maximum position: reduce-only until it is back within the limit (clears by itself). */
    POSITION_LIMIT,
    /** Nothing is wrong: active. */
    NONE,
    /** Nothing from the venue (heartbeat, market data, report) for longer than the silence limit: halted until it
     * speaks again (clears by itself). Last, so earlier ordinals stay as they were. */
    VENUE_SILENT,
    /** An execution report's fill could not be matched to an order (unknown order, more than it had open, or in
     * conflict with a fill already booked): it was not booked, orders are cancelled, the venue is asked for its
     * open orders, and the strategy stays halted until RESUME. Latched like a loss breaker, and ranked with them;
     * last, so earlier ordinals (the daemon's mode reason counter) stay as they were. */
    UNKNOWN_FILL
}
