package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;

/**
 * Orders that ended (FILL or CANCELLED) by a report whose cumulative quantity was more than the fills booked for
 * them: the difference is fills the venue made before the end whose reports arrive after it. Each keeps its ids
 * (current and the one before its last replace), side, the venue's cumulative quantity at the end and the lots still
 * owed; a late fill within them is booked, and an order whose owed lots reach zero is forgotten. A fixed number of
 * entries, overwritten in turn when all are in use, so nothing allocates after construction. Only a venue that
 * reports out of order ever puts anything here.
 */
final class OwedFills
{
    private final long[] ids;
    private final long[] priorIds;
    private final Side[] sides;
    private final long[] venueCum;
    private final long[] owed;
    private int next;

    /**
     * @param capacity ended orders remembered, at least 1.
     */
    OwedFills(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("ended orders remembered must be at least 1, got " + capacity);
        }
        ids = new long[capacity];
        priorIds = new long[capacity];
        sides = new Side[capacity];
        venueCum = new long[capacity];
        owed = new long[capacity];
    }

    /**
     * Remembers an order that ended with {@code owedLots} lots filled at the venue but not yet booked here.
     */
    void add(final long id, final long priorId, final Side side, final long cum, final long owedLots)
    {
        int at = -1;
        for (int i = 0; i < owed.length; i++)
        {
            if (0 == owed[i])
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            at = next; // all in use: overwritten in turn
            next = next + 1 == owed.length ? 0 : next + 1;
        }
        ids[at] = id;
        priorIds[at] = priorId;
        sides[at] = side;
        venueCum[at] = cum;
        owed[at] = owedLots;
    }

    /**
     * @return the entry of the order that carried the id (now or before its last replace), or -1.
     */
    int find(final long id)
    {
        for (int i = 0; i < owed.length; i++)
        {
            if (0 != owed[i] && (id == ids[i] || (OrderSlots.NO_ID != id && id == priorIds[i])))
            {
                return i;
            }
        }
        return -1;
    }

    Side side(final int at)
    {
        return sides[at];
    }

    long venueCum(final int at)
    {
        return venueCum[at];
    }

    long owed(final int at)
    {
        return owed[at];
    }

    /**
     * Books {@code lots} of the entry's owed lots; the caller checked they are owed.
     */
    void take(final int at, final long lots)
    {
        owed[at] -= lots;
    }
}
