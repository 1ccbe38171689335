package io.ticklane.marketmaking.risk;

/**
 * Why the strategy is in its current mode, recorded with the event time of the change. When several causes hold at
 * once, the one of highest precedence is recorded: OPERATOR_STOP, then the latched DAILY_LOSS, DRAWDOWN and
 * UNKNOWN_FILL (the first latched keeps its place), BOOK_STALE, VENUE_DISCONNECTED, VENUE_SILENT, STALE_MARKET_DATA
 * (all HALTED), OPERATOR_FLATTEN, POSITION_LIMIT (REDUCE_ONLY), NONE. The constants are declared in the order they
 * were added, not by precedence: the daemon exports the ordinal as a counter.
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
    UNKNOWN_FILL,
    /** The order entry session with the venue dropped (a {@code VenueSession DISCONNECTED} from the gateway): nothing
     * reaches the venue, so halted, and no order, replace or cancel is sent (the cancel-all of the halt is dropped,
     * not queued). Clears by itself, but only once the session is CONNECTED again and the reconciliation asked for
     * after that reconnection is complete and consistent; then the quoting path takes the orders where they are.
     * Ranked right after BOOK_STALE and before VENUE_SILENT and STALE_MARKET_DATA (a dropped session is the cause of
     * the silence, and is known for certain rather than inferred from a gap); last, so earlier ordinals (the daemon's
     * mode reason counter) stay as they were. */
    VENUE_DISCONNECTED
}
