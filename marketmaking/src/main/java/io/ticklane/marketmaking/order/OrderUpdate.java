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
    UNKNOWN_EXEC_TYPE,
    /**
     * A fill that arrived after a newer report of its order had already counted it (the venue reported out of order),
     * within the lots that report said had filled: book it; the order's leaves and state were that report's to set.
     */
    LATE_FILL,
    /** The same order, exec id and content as a fill already booked: a retransmit, ignored. */
    DUPLICATE_FILL,
    /** A fill for more than the order had open (or than the venue's own cumulative quantity covers): refused. */
    OVERFILL,
    /**
     * A fill that contradicts what is known: another side than its order's, no positive quantity, or an exec id
     * already booked for the order with other content. Refused.
     */
    FILL_CONFLICT,
    /**
     * The venue refused a cancel or replace because it no longer has the order (too late to cancel, unknown order):
     * it filled or ended there, and how is not in the refusal. The request stays pending, so the order is never
     * cancelled again (an order the venue does not know was cancelled on every event, hundreds a second), and a fill
     * still in flight still matches it; the venue's answer to an order status request settles it.
     */
    GONE_AT_VENUE;

    /**
     * @return true if the fill of the report is to be booked to the position (the report was a fill).
     */
    public boolean booksFill()
    {
        return this == APPLIED || this == LATE_FILL;
    }

    /**
     * @return true if the report was a fill this side refused: not booked, and the venue must be asked what is true
     *         (an unknown order, an overfill or a conflict; a duplicate is not refused, only ignored).
     */
    public boolean refusesFill()
    {
        return this == UNKNOWN_ORDER || this == OVERFILL || this == FILL_CONFLICT;
    }
}
