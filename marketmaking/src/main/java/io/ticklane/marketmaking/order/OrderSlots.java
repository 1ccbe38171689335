package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;
import org.agrona.collections.Long2LongHashMap;

/**
 * Where the open orders live: {@code capacity} preallocated slots in parallel arrays, the index from client order id
 * to slot (an order in a replace is found under both its ids), and the stack of free slots, whose order decides which
 * slot the next order takes. Only stores; the moves between states are {@link OrderStateMachine}'s. Nothing
 * allocates after construction: the index is sized so it never grows.
 */
final class OrderSlots
{
    static final long NO_SLOT = -1;
    /** {@link #priorId} of an order never replaced (or restored from a checkpoint, which does not keep it). */
    static final long NO_ID = Long.MIN_VALUE;

    final int capacity;
    final Long2LongHashMap slotById;
    final int[] freeSlots;
    int freeCount;

    final OrderState[] state;
    final Side[] side;
    final long[] clientOrderId;
    final long[] price;
    final long[] quantity;
    final long[] leaves;
    final long[] filled;
    /** The most the venue says has filled (its cumulative quantity), never below {@link #filled}: see FillMatching. */
    final long[] venueCum;
    /** The id the order carried before its last replace, so a late fill under it is still matched; not indexed. */
    final long[] priorId;
    final long[] sentTimeNs;
    final long[] replaceId;
    final long[] replacePrice;
    final long[] replaceQuantity;

    int openCount;
    int inFlightCount;

    OrderSlots(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("order capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // each slot holds at most two ids (during a replace): 2 * capacity entries stay below 0.5 * 4 * capacity.
        slotById = new Long2LongHashMap(4 * capacity, 0.5f, NO_SLOT);
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        state = new OrderState[capacity];
        side = new Side[capacity];
        clientOrderId = new long[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
        leaves = new long[capacity];
        filled = new long[capacity];
        venueCum = new long[capacity];
        priorId = new long[capacity];
        sentTimeNs = new long[capacity];
        replaceId = new long[capacity];
        replacePrice = new long[capacity];
        replaceQuantity = new long[capacity];
    }

    /**
     * @return the slot holding the id, or {@link #NO_SLOT} (as an int, -1).
     */
    int slotOf(final long id)
    {
        return (int)slotById.get(id);
    }

    /**
     * @return the open order that carried the id before its last replace, or {@link #NO_SLOT} (as an int, -1). A
     *         scan: only for a report whose id no open order carries now.
     */
    int slotOfPriorId(final long id)
    {
        if (NO_ID == id)
        {
            return (int)NO_SLOT;
        }
        for (int slot = 0; slot < capacity; slot++)
        {
            if (null != state[slot] && id == priorId[slot])
            {
                return slot;
            }
        }
        return (int)NO_SLOT;
    }

    /**
     * Takes the free slot on top of the stack for a new order, PENDING_NEW; the caller checked there is one.
     */
    void take(final long id, final Side side, final long price, final long quantity, final long timeNs)
    {
        final int slot = freeSlots[--freeCount];
        slotById.put(id, slot);
        state[slot] = OrderState.PENDING_NEW;
        this.side[slot] = side;
        clientOrderId[slot] = id;
        this.price[slot] = price;
        this.quantity[slot] = quantity;
        leaves[slot] = quantity;
        filled[slot] = 0;
        venueCum[slot] = 0;
        priorId[slot] = NO_ID;
        sentTimeNs[slot] = timeNs;
        openCount++;
        inFlightCount++;
    }

    /**
     * Ends the order in the slot: its ids leave the index and the slot goes back on the stack.
     */
    void free(final int slot, final OrderState from)
    {
        if (OrderState.PENDING_REPLACE == from)
        {
            slotById.remove(replaceId[slot]);
        }
        slotById.remove(clientOrderId[slot]);
        if (from.isPending())
        {
            inFlightCount--;
        }
        openCount--;
        state[slot] = null;
        side[slot] = null;
        leaves[slot] = 0;
        freeSlots[freeCount++] = slot;
    }
}
