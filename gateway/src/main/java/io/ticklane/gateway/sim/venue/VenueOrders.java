package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;

/**
 * The venue's orders, preallocated: a slot per order in parallel arrays, a free list, and per side the live (resting)
 * slots in priority order (best price, then earliest). An order holds a slot from its acceptance until it is filled
 * or cancelled; only live orders can be found by id, so the venue keeps no memory of finished orders.
 * <p>
 * The arrays are a struct of arrays that the matching classes of this package read and write in place, as the
 * venue did when it was one class: no accessor stands between an inner matching loop and a field.
 */
final class VenueOrders
{
    final long[] clientOrderId;
    final long[] venueOrderId;
    final long[] price;
    final long[] quantity;
    final long[] leaves;
    final long[] cum;
    final long[] ahead;
    final long[] tradedAtPrice;
    final long[] levelQuantity;
    final long[] sequence;
    final long[] restedNs;
    final Side[] side;
    final TimeInForce[] timeInForce;
    final OrderType[] orderType;
    final int[] liveBuys;
    final int[] liveSells;

    private final int[] freeSlots;
    private int freeCount;
    private int buyCount;
    private int sellCount;
    private long nextVenueOrderId = 1;
    private long nextSequence = 1;

    /**
     * @param capacity most orders held at once (live or being matched).
     */
    VenueOrders(final int capacity)
    {
        clientOrderId = new long[capacity];
        venueOrderId = new long[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
        leaves = new long[capacity];
        cum = new long[capacity];
        ahead = new long[capacity];
        tradedAtPrice = new long[capacity];
        levelQuantity = new long[capacity];
        sequence = new long[capacity];
        restedNs = new long[capacity];
        side = new Side[capacity];
        timeInForce = new TimeInForce[capacity];
        orderType = new OrderType[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        liveBuys = new int[capacity];
        liveSells = new int[capacity];
    }

    /**
     * @return true when no slot is free.
     */
    boolean isFull()
    {
        return 0 == freeCount;
    }

    /**
     * Takes a free slot for an accepted order and gives it the next venue order id. The slot is in no live list.
     *
     * @return the slot; there must be a free one.
     */
    int open(
        final long id, final Side orderSide, final OrderType type, final TimeInForce tif, final long orderPrice,
        final long orderQuantity)
    {
        final int slot = freeSlots[--freeCount];
        clientOrderId[slot] = id;
        venueOrderId[slot] = nextVenueOrderId++;
        side[slot] = orderSide;
        orderType[slot] = type;
        timeInForce[slot] = tif;
        price[slot] = orderPrice;
        quantity[slot] = orderQuantity;
        leaves[slot] = orderQuantity;
        cum[slot] = 0;
        return slot;
    }

    /**
     * Gives the slot back; it must be in no live list.
     */
    void release(final int slot)
    {
        freeSlots[freeCount++] = slot;
    }

    /**
     * Rests an order: it gets the next time priority and joins its side's live list behind every order of its
     * price that rested before it.
     *
     * @param nowNs venue time it rests at (its arrival): market events the exchange stamped earlier never touch it.
     */
    void rest(final int slot, final long nowNs)
    {
        sequence[slot] = nextSequence++;
        restedNs[slot] = nowNs;
        final boolean buy = Side.BUY == side[slot];
        final int[] live = buy ? liveBuys : liveSells;
        int i = buy ? buyCount : sellCount;
        while (i > 0 && hasPriority(slot, live[i - 1], buy))
        {
            live[i] = live[i - 1];
            i--;
        }
        live[i] = slot;
        if (buy)
        {
            buyCount++;
        }
        else
        {
            sellCount++;
        }
    }

    private boolean hasPriority(final int slot, final int than, final boolean buy)
    {
        if (price[slot] != price[than])
        {
            return buy ? price[slot] > price[than] : price[slot] < price[than];
        }
        return sequence[slot] < sequence[than];
    }

    /**
     * Takes a live order out of its side's list (the slot stays held).
     */
    void unlink(final int slot)
    {
        final boolean buy = Side.BUY == side[slot];
        final int[] live = buy ? liveBuys : liveSells;
        final int count = buy ? buyCount : sellCount;
        for (int i = 0; i < count; i++)
        {
            if (live[i] == slot)
            {
                unlinkAt(live, i, buy);
                return;
            }
        }
    }

    /**
     * Takes the order at {@code index} of a side's live list out of it (the slot stays held).
     *
     * @param live  {@link #liveBuys} or {@link #liveSells}.
     * @param index position in that list.
     * @param buy   true for {@link #liveBuys}.
     */
    void unlinkAt(final int[] live, final int index, final boolean buy)
    {
        final int count = buy ? buyCount : sellCount;
        System.arraycopy(live, index + 1, live, index, count - index - 1);
        if (buy)
        {
            buyCount--;
        }
        else
        {
            sellCount--;
        }
    }

    /**
     * @param buys true for the bids.
     * @return live orders of that side.
     */
    int liveCount(final boolean buys)
    {
        return buys ? buyCount : sellCount;
    }

    /**
     * @return live orders of both sides.
     */
    int liveCount()
    {
        return buyCount + sellCount;
    }

    /**
     * @param id client order id.
     * @return the slot of the live order with that id, or -1.
     */
    int findLive(final long id)
    {
        for (int i = 0; i < buyCount; i++)
        {
            if (clientOrderId[liveBuys[i]] == id)
            {
                return liveBuys[i];
            }
        }
        for (int i = 0; i < sellCount; i++)
        {
            if (clientOrderId[liveSells[i]] == id)
            {
                return liveSells[i];
            }
        }
        return -1;
    }

    /**
     * Walks the live orders, bids then asks, each in priority order.
     *
     * @return number of orders visited.
     */
    int forEachLive(final LiveOrderVisitor visitor)
    {
        for (int i = 0; i < buyCount; i++)
        {
            visit(visitor, liveBuys[i]);
        }
        for (int i = 0; i < sellCount; i++)
        {
            visit(visitor, liveSells[i]);
        }
        return buyCount + sellCount;
    }

    private void visit(final LiveOrderVisitor visitor, final int slot)
    {
        visitor.onLiveOrder(clientOrderId[slot], venueOrderId[slot], side[slot], price[slot], quantity[slot], leaves[slot],
            cum[slot]);
    }
}
