package io.ticklane.gateway.fix;

import io.ticklane.sbe.TimeInForce;

import java.util.Arrays;

/**
 * The time in force each recent order was entered with, by client order id, so an OrderCancelReplaceRequest can repeat
 * it. FIX 4.4 lets a venue take a field left off a replace as its default: a post-only quote replaced without
 * ExecInst(18)=6 may come back as a plain limit order that takes liquidity. The SBE ReplaceOrder carries no time in
 * force, so the session remembers it: from each NewOrderSingle sent, from each replace (the new id inherits the old
 * one's), and from the venue's STATUS reports (after a restart, the orders adopted by the reconciliation).
 * <p>
 * Direct-mapped on the id's low bits, since ids come from one counter: an order is remembered until
 * {@link #CAPACITY} newer ids have been recorded after it. A lookup checks the id, so an order older than that, or
 * one this process never saw, is reported unknown (the caller counts it), never given another order's value.
 * Nothing is allocated after construction; one session thread only.
 */
public final class OrderTimeInForceMemory
{
    /** Ids remembered, a power of two. */
    public static final int CAPACITY = 1 << 16;
    private static final int MASK = CAPACITY - 1;
    private static final long NO_ID = Long.MIN_VALUE;

    private final long[] ids = new long[CAPACITY];
    private final TimeInForce[] timesInForce = new TimeInForce[CAPACITY];

    /**
     * Empty.
     */
    public OrderTimeInForceMemory()
    {
        Arrays.fill(ids, NO_ID);
    }

    /**
     * @param clientOrderId an order's id.
     * @param timeInForce   the time in force it was entered with.
     */
    public void record(final long clientOrderId, final TimeInForce timeInForce)
    {
        final int slot = (int)(clientOrderId & MASK);
        ids[slot] = clientOrderId;
        timesInForce[slot] = timeInForce;
    }

    /**
     * @param clientOrderId an order's id.
     * @return its time in force, or null when it is not remembered.
     */
    public TimeInForce timeInForce(final long clientOrderId)
    {
        final int slot = (int)(clientOrderId & MASK);
        return ids[slot] == clientOrderId ? timesInForce[slot] : null;
    }
}
