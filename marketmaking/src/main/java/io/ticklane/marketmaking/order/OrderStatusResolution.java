package io.ticklane.marketmaking.order;

/**
 * After a restart, the venue's STATUS answer decides what became of each restored order: the ones it reports take
 * its view and rest, the ones it no longer has ended while this process was down and free their slots. A request in
 * flight when the old process died is resolved by what the venue shows (see {@link Orders#onStatus}). Which way an
 * unseen order ended is {@link Reconciliation}'s question.
 */
final class OrderStatusResolution
{
    private final OrderSlots slots;

    OrderStatusResolution(final OrderSlots slots)
    {
        this.slots = slots;
    }

    OrderUpdate onStatus(final long id, final long price, final long quantity, final long leaves, final long cum)
    {
        final OrderSlots s = slots;
        final int slot = s.slotOf(id);
        if (OrderSlots.NO_SLOT == slot)
        {
            return OrderUpdate.UNKNOWN_ORDER;
        }
        final OrderState from = s.state[slot];
        if (OrderState.PENDING_REPLACE == from)
        {
            if (id == s.replaceId[slot])
            {
                s.slotById.remove(s.clientOrderId[slot]);
                s.clientOrderId[slot] = id;
            }
            else
            {
                s.slotById.remove(s.replaceId[slot]);
            }
        }
        s.price[slot] = price;
        s.quantity[slot] = quantity;
        s.leaves[slot] = leaves;
        s.filled[slot] = cum;
        s.venueCum[slot] = cum; // the caller books what the venue filled beyond what was seen here
        final OrderState to = cum > 0 ? OrderState.PARTIALLY_FILLED : OrderState.LIVE;
        s.inFlightCount -= from.isPending() ? 1 : 0;
        s.state[slot] = to;
        return OrderUpdate.APPLIED;
    }

    OrderState onEndedUnseen(final long id)
    {
        final int slot = slots.slotOf(id);
        if (OrderSlots.NO_SLOT == slot)
        {
            return null;
        }
        final OrderState from = slots.state[slot];
        slots.free(slot, from);
        return from;
    }
}
