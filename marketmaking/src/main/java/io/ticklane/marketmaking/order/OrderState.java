package io.ticklane.marketmaking.order;

/**
 * Where one order is in its life, as this side of the wire knows it. Pending states mean a request is in flight and
 * nothing else may be sent for the order until the venue answers; terminal states free the order's slot.
 */
public enum OrderState
{
    /** New order sent, no answer yet. */
    PENDING_NEW,
    /** Acknowledged and resting, nothing filled. */
    LIVE,
    /** Resting with some quantity filled. */
    PARTIALLY_FILLED,
    /** Cancel sent, no answer yet. */
    PENDING_CANCEL,
    /** Replace sent, no answer yet. */
    PENDING_REPLACE,
    /** Completely filled (terminal). */
    FILLED,
    /** Cancelled by request, by the venue, or the unfilled rest of an IOC (terminal). */
    CANCELLED,
    /** New order rejected (terminal). */
    REJECTED;


    /**
     * @return true if the order's life is over and its slot is free.
     */
    public boolean isTerminal()
    {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /**
     * @return true if a request for the order is in flight.
     */
    public boolean isPending()
    {
        return this == PENDING_NEW || this == PENDING_CANCEL || this == PENDING_REPLACE;
    }

    /**
     * @return true if the order rests at the venue and may be cancelled or replaced now.
     */
    public boolean isWorking()
    {
        return this == LIVE || this == PARTIALLY_FILLED;
    }
}
