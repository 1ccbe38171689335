package io.ticklane.marketmaking.order;

/**
 * What {@link Reconciliation} did with one STATUS report from the venue: hot-path style outcomes, each one counted.
 */
public enum StatusOutcome
{
    /** A known order: it took the venue's price, quantity, leaves and cumulative quantity. */
    ADOPTED,
    /** A known order that filled while this process was down: adopted, and the missed fill applied to the position. */
    ADOPTED_WITH_FILL,
    /** An order unknown to this side: tracked and cancelled through the normal path. */
    UNKNOWN_CANCELLED,
    /** An order unknown to this side that could not be tracked or cancelled (no free slot, or the cancel refused). */
    UNKNOWN_NOT_CANCELLED,
    /** No reconciliation is in progress: the report is ignored. */
    IGNORED
}
