package io.ticklane.orderbook;

/**
 * Whether a book can be trusted: strategies quote only on a {@link #LIVE} book.
 */
public enum BookState
{
    /** No snapshot applied yet: the book knows nothing. */
    EMPTY,
    /** Built from a snapshot and every update since, in sequence. */
    LIVE,
    /** Something was wrong (see {@link StaleReason}); updates are ignored until the next snapshot. */
    STALE
}
