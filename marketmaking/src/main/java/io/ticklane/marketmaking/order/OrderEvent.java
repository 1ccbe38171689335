package io.ticklane.marketmaking.order;

/**
 * Everything that moves an order between {@link OrderState}s after it was sent: our own cancel and replace requests
 * and the venue's execution report types. Illegal transitions are counted per (state, event).
 */
public enum OrderEvent
{
    /** We sent a cancel. */
    CANCEL_SENT,
    /** We sent a replace. */
    REPLACE_SENT,
    /** Venue acknowledged the new order. */
    ACK,
    /** Venue filled part of the order. */
    PARTIAL_FILL,
    /** Venue filled the rest of the order. */
    FILL,
    /** Venue cancelled the order (on request or unsolicited). */
    CANCELLED,
    /** Venue applied our replace. */
    REPLACED,
    /** Venue rejected our last request (new, cancel or replace). */
    REJECTED
}
