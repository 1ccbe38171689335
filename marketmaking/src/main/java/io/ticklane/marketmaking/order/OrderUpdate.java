package io.ticklane.marketmaking.order;

/**
 * Outcome of telling {@link Orders} about a request sent or a report received: hot-path outcomes are values, never
 * exceptions. Everything but {@link #APPLIED} is also counted.
 */
public enum OrderUpdate
{
    /** The transition was legal and applied. */
    APPLIED,
    /** The order is held but the event is not legal in its state; nothing changed. */
    ILLEGAL_TRANSITION,
    /** No held order has this client order id (never sent, or already terminal and freed). */
    UNKNOWN_ORDER,
    /** A new order or replace used a client order id already held. */
    DUPLICATE_ID,
    /** Every slot is in use; the new order is not tracked. */
    NO_FREE_SLOT,
    /** The report's exec type is not one this build knows (e.g. written by a newer schema). */
    UNKNOWN_EXEC_TYPE
}
