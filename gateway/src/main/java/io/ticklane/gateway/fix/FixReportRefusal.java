package io.ticklane.gateway.fix;

/**
 * Why a FIX message from the venue produced no SBE report ({@link FixReportDecoding}). Counted per reason, never
 * guessed around: a report the mapping cannot make exact would tell the strategy something the venue did not say.
 */
public enum FixReportRefusal
{
    /** Symbol(55) names no instrument of this session. */
    UNKNOWN_SYMBOL,
    /**
     * ClOrdID or OrigClOrdID is not the decimal number Ticklane sent, or OrderID or ExecID is missing, NONE where an
     * id is needed, longer than 64 characters or not printable ASCII.
     */
    BAD_ID,
    /** Side(54) other than buy or sell. */
    UNSUPPORTED_SIDE,
    /** A price that is not a whole number of ticks (or does not fit a long). */
    PRICE_NOT_ON_TICK,
    /** A quantity that is not a whole number of lots (or does not fit a long), or a fill without one. */
    QUANTITY_NOT_ON_LOT,
    /** An ExecType the strategy has no report for: trade cancel (H), trade correct (G), or unknown to FIX 4.4. */
    UNSUPPORTED_EXEC_TYPE,
    /** BusinessMessageReject (35=j): the venue refused a message at the application level. */
    BUSINESS_REJECT,
    /** Session-level Reject (35=3): the venue refused a message as malformed. */
    SESSION_REJECT
}
