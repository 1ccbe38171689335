package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.Side;

/**
 * Moves orders between states, by what we sent (new, cancel, replace) and by execution reports, over the
 * {@link OrderSlots}. The table is {@link #next}. Illegal transitions and events for ids no open order has never
 * throw: they are counted per (state, event) and returned, like duplicate ids, a full store and exec types this
 * build does not know. Fills arrive here only once {@link FillMatching} has accepted them; an order that ends with
 * fills still owed (the venue's cumulative quantity above what was booked) is handed to the {@link OwedFills}.
 */
final class OrderStateMachine
{
    private static final int STATES = OrderState.values().length;
    private static final int EVENTS = OrderEvent.values().length;

    private final OrderSlots slots;
    private final OwedFills owedFills;
    private final long[] illegal = new long[STATES * EVENTS];
    private final long[] unknown = new long[EVENTS];
    long illegalTotal;
    long unknownTotal;
    long duplicateIds;
    long noFreeSlot;
    long unknownExecTypes;

    OrderStateMachine(final OrderSlots slots, final OwedFills owedFills)
    {
        this.slots = slots;
        this.owedFills = owedFills;
    }

    /**
     * The transition table; see {@link Orders#next}.
     */
    static OrderState next(final OrderState from, final OrderEvent event, final boolean anyFilled)
    {
        final OrderState resting = anyFilled ? OrderState.PARTIALLY_FILLED : OrderState.LIVE;
        switch (from)
        {
            case PENDING_NEW:
                switch (event)
                {
                    case ACK: return OrderState.LIVE;
                    case PARTIAL_FILL: return OrderState.PARTIALLY_FILLED; // fill before ack implies the ack
                    case FILL: return OrderState.FILLED;
                    case CANCELLED: return OrderState.CANCELLED;           // IOC rest, or venue cancel before ack
                    case REJECTED: return OrderState.REJECTED;
                    default: return null;
                }
            case LIVE:
            case PARTIALLY_FILLED:
                switch (event)
                {
                    case CANCEL_SENT: return OrderState.PENDING_CANCEL;
                    case REPLACE_SENT: return OrderState.PENDING_REPLACE;
                    case PARTIAL_FILL: return OrderState.PARTIALLY_FILLED;
                    case FILL: return OrderState.FILLED;
                    case CANCELLED: return OrderState.CANCELLED;           // unsolicited (venue, mass cancel)
                    default: return null;
                }
            case PENDING_CANCEL:
                switch (event)
                {
                    case PARTIAL_FILL: return OrderState.PENDING_CANCEL;   // filled while the cancel travels
                    case FILL: return OrderState.FILLED;
                    case CANCELLED: return OrderState.CANCELLED;
                    case REJECTED: return resting;                         // cancel rejected: order still rests
                    default: return null;
                }
            case PENDING_REPLACE:
                switch (event)
                {
                    case PARTIAL_FILL: return OrderState.PENDING_REPLACE;  // filled while the replace travels
                    case FILL: return OrderState.FILLED;
                    case CANCELLED: return OrderState.CANCELLED;
                    case REPLACED: return resting;
                    case REJECTED: return resting;                         // replace rejected: old order rests
                    default: return null;
                }
            default:
                return null;
        }
    }

    OrderUpdate onNewSent(final long id, final Side side, final long price, final long quantity, final long timeNs)
    {
        if (OrderSlots.NO_SLOT != slots.slotById.get(id))
        {
            duplicateIds++;
            return OrderUpdate.DUPLICATE_ID;
        }
        if (0 == slots.freeCount)
        {
            noFreeSlot++;
            return OrderUpdate.NO_FREE_SLOT;
        }
        slots.take(id, side, price, quantity, timeNs);
        return OrderUpdate.APPLIED;
    }

    OrderUpdate onCancelSent(final long id)
    {
        final int slot = slots.slotOf(id);
        if (OrderSlots.NO_SLOT == slot)
        {
            return unknown(OrderEvent.CANCEL_SENT);
        }
        return transition(slot, OrderEvent.CANCEL_SENT, 0, 0);
    }

    OrderUpdate onReplaceSent(final long origId, final long newId, final long price, final long quantity, final long timeNs)
    {
        final int slot = slots.slotOf(origId);
        if (OrderSlots.NO_SLOT == slot)
        {
            return unknown(OrderEvent.REPLACE_SENT);
        }
        if (OrderSlots.NO_SLOT != slots.slotById.get(newId))
        {
            duplicateIds++;
            return OrderUpdate.DUPLICATE_ID;
        }
        final OrderUpdate update = transition(slot, OrderEvent.REPLACE_SENT, 0, 0);
        if (OrderUpdate.APPLIED == update)
        {
            slots.slotById.put(newId, slot);
            slots.replaceId[slot] = newId;
            slots.replacePrice[slot] = price;
            slots.replaceQuantity[slot] = quantity;
            slots.sentTimeNs[slot] = timeNs;
        }
        return update;
    }

    /**
     * A report that is not a fill (fills go through {@link FillMatching}, then {@link #applyFill}).
     *
     * @param cumQuantity the venue's cumulative quantity of the order, as CANCELLED and REPLACED carry it (a fill
     *                    reported after it may have happened before it); other reports' is not read.
     */
    OrderUpdate onReport(
        final long id, final ExecType execType, final long lastQuantity, final long leavesQuantity, final long cumQuantity)
    {
        final OrderEvent event = event(execType);
        if (null == event)
        {
            unknownExecTypes++;
            return OrderUpdate.UNKNOWN_EXEC_TYPE;
        }
        final int slot = slots.slotOf(id);
        if (OrderSlots.NO_SLOT == slot)
        {
            return unknown(event);
        }
        if (OrderEvent.CANCELLED == event || OrderEvent.REPLACED == event)
        {
            raiseVenueCum(slot, cumQuantity);
        }
        return transition(slot, event, lastQuantity, leavesQuantity);
    }

    /**
     * Applies a fill {@link FillMatching} accepted for the order in the slot.
     *
     * @param terminal    true for the venue's FILL (the order is done), false for a partial or a late fill.
     * @param lastQuantity lots filled.
     * @param leavesAfter lots still open after it.
     * @param venueCum    the venue's cumulative quantity after it, at least the filled quantity after it.
     */
    OrderUpdate applyFill(
        final int slot, final boolean terminal, final long lastQuantity, final long leavesAfter, final long venueCum)
    {
        slots.venueCum[slot] = venueCum;
        return transition(slot, terminal ? OrderEvent.FILL : OrderEvent.PARTIAL_FILL, lastQuantity, leavesAfter);
    }

    /**
     * The venue's cumulative quantity can only grow, and never past what the order had open.
     */
    private void raiseVenueCum(final int slot, final long cumQuantity)
    {
        final OrderSlots s = slots;
        final long most = s.venueCum[slot] + Math.max(0, s.leaves[slot]);
        s.venueCum[slot] = Math.max(s.venueCum[slot], Math.min(cumQuantity, most));
    }

    private OrderUpdate transition(final int slot, final OrderEvent event, final long lastQuantity, final long leavesQuantity)
    {
        final OrderSlots s = slots;
        final OrderState from = s.state[slot];
        final boolean fill = OrderEvent.PARTIAL_FILL == event || OrderEvent.FILL == event;
        final long filledAfter = fill ? s.filled[slot] + lastQuantity : s.filled[slot];
        final OrderState to = next(from, event, filledAfter > 0);
        if (null == to)
        {
            illegal[from.ordinal() * EVENTS + event.ordinal()]++;
            illegalTotal++;
            return OrderUpdate.ILLEGAL_TRANSITION;
        }

        s.filled[slot] = filledAfter;
        if (fill)
        {
            s.leaves[slot] = OrderEvent.FILL == event ? 0 : leavesQuantity;
        }
        if (OrderState.PENDING_REPLACE == from && !fill && !to.isTerminal())
        {
            endReplace(slot, OrderEvent.REPLACED == event, leavesQuantity);
        }

        if (to.isTerminal())
        {
            final long owed = s.venueCum[slot] - s.filled[slot];
            if (owed > 0)
            {
                owedFills.add(s.clientOrderId[slot], s.priorId[slot], s.side[slot], s.venueCum[slot], owed);
            }
            s.free(slot, from);
        }
        else
        {
            s.inFlightCount += (to.isPending() ? 1 : 0) - (from.isPending() ? 1 : 0);
            s.state[slot] = to;
        }
        return OrderUpdate.APPLIED;
    }

    private void endReplace(final int slot, final boolean replaced, final long leavesQuantity)
    {
        final OrderSlots s = slots;
        if (replaced)
        {
            s.slotById.remove(s.clientOrderId[slot]);
            s.priorId[slot] = s.clientOrderId[slot];
            s.clientOrderId[slot] = s.replaceId[slot];
            s.price[slot] = s.replacePrice[slot];
            s.quantity[slot] = s.replaceQuantity[slot];
            s.leaves[slot] = leavesQuantity;
        }
        else
        {
            s.slotById.remove(s.replaceId[slot]);
        }
    }

    OrderUpdate unknown(final OrderEvent event)
    {
        unknown[event.ordinal()]++;
        unknownTotal++;
        return OrderUpdate.UNKNOWN_ORDER;
    }

    long illegalTransitions(final OrderState from, final OrderEvent event)
    {
        return illegal[from.ordinal() * EVENTS + event.ordinal()];
    }

    long unknownOrders(final OrderEvent event)
    {
        return unknown[event.ordinal()];
    }

    private static OrderEvent event(final ExecType execType)
    {
        switch (execType)
        {
            case ACK: return OrderEvent.ACK;
            case PARTIAL_FILL: return OrderEvent.PARTIAL_FILL;
            case FILL: return OrderEvent.FILL;
            case CANCELLED: return OrderEvent.CANCELLED;
            case REPLACED: return OrderEvent.REPLACED;
            case REJECTED: return OrderEvent.REJECTED;
            default: return null;
        }
    }

    static ExecType execType(final short raw)
    {
        // ExecType.get throws on a value it does not know; a newer writer's value must be counted instead.
        switch (raw)
        {
            case 0: return ExecType.ACK;
            case 1: return ExecType.PARTIAL_FILL;
            case 2: return ExecType.FILL;
            case 3: return ExecType.CANCELLED;
            case 4: return ExecType.REPLACED;
            case 5: return ExecType.REJECTED;
            default: return ExecType.NULL_VAL;
        }
    }
}
