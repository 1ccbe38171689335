package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;

/**
 * The last {@code capacity} fills booked, found by (client order id, exec id), so a venue's retransmit of a fill is
 * recognised and its content compared. A ring in arrival order over preallocated arrays, indexed by an open-addressing
 * table (linear probing, at most half full, backward-shift deletion): the oldest fill is forgotten when a new one
 * needs its place, so nothing grows and nothing allocates after construction. The key is the pair because a venue's
 * exec ids need only be unique per order; the simulated venue's are unique per venue run.
 */
final class RecentFills
{
    private static final int EMPTY = 0;

    private final long[] orderIds;
    private final long[] execIds;
    private final Side[] sides;
    private final long[] prices;
    private final long[] quantities;
    private final int[] index;
    private final int mask;
    private int next;
    private int size;
    private long forgotten;

    /**
     * @param capacity fills remembered, at least 1.
     */
    RecentFills(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("fills remembered must be at least 1, got " + capacity);
        }
        orderIds = new long[capacity];
        execIds = new long[capacity];
        sides = new Side[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
        int tableLength = 2;
        while (tableLength < 2 * capacity)
        {
            tableLength <<= 1;
        }
        index = new int[tableLength]; // entries hold ring position + 1; EMPTY is 0
        mask = tableLength - 1;
    }

    /**
     * @return the ring position of the fill with these ids, or -1 if it is not remembered.
     */
    int find(final long orderId, final long execId)
    {
        for (int i = home(orderId, execId); ; i = (i + 1) & mask)
        {
            final int entry = index[i];
            if (EMPTY == entry)
            {
                return -1;
            }
            final int at = entry - 1;
            if (orderIds[at] == orderId && execIds[at] == execId)
            {
                return at;
            }
        }
    }

    /**
     * @return true if the remembered fill at {@code at} has this content: a retransmit, not another fill.
     */
    boolean sameContent(final int at, final Side side, final long price, final long quantity)
    {
        return sides[at] == side && prices[at] == price && quantities[at] == quantity;
    }

    /**
     * Remembers a fill just booked; the caller checked it is not remembered yet. Forgets the oldest when full.
     */
    void add(final long orderId, final long execId, final Side side, final long price, final long quantity)
    {
        final int at = next;
        if (size == orderIds.length)
        {
            remove(at);
            forgotten++;
        }
        else
        {
            size++;
        }
        orderIds[at] = orderId;
        execIds[at] = execId;
        sides[at] = side;
        prices[at] = price;
        quantities[at] = quantity;
        int i = home(orderId, execId);
        while (EMPTY != index[i])
        {
            i = (i + 1) & mask;
        }
        index[i] = at + 1;
        next = at + 1 == orderIds.length ? 0 : at + 1;
    }

    /**
     * @return fills remembered now.
     */
    int size()
    {
        return size;
    }

    /**
     * @return fills forgotten to make room (a retransmit of one of them is no longer recognised as such).
     */
    long forgotten()
    {
        return forgotten;
    }

    private void remove(final int at)
    {
        int hole = home(orderIds[at], execIds[at]);
        while (index[hole] != at + 1)
        {
            hole = (hole + 1) & mask;
        }
        // backward shift: move later entries of the cluster into the hole unless their home lies after the hole
        for (int i = (hole + 1) & mask; EMPTY != index[i]; i = (i + 1) & mask)
        {
            final int entry = index[i];
            final int home = home(orderIds[entry - 1], execIds[entry - 1]);
            final boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!stays)
            {
                index[hole] = entry;
                hole = i;
            }
        }
        index[hole] = EMPTY;
    }

    private int home(final long orderId, final long execId)
    {
        long h = orderId * 0x9E3779B97F4A7C15L ^ execId;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int)h & mask;
    }
}
