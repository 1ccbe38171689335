package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.StrategyCheckpointEncoder;
import org.agrona.collections.Long2LongHashMap;

/**
 * The open orders of one instrument and their state machine: up to {@code capacity} orders in preallocated slots,
 * found by client order id, moved by what we sent ({@link #onNewSent}, {@link #onCancelSent}, {@link #onReplaceSent})
 * and by execution reports. Illegal transitions never throw: they are counted per (state, event) and returned.
 * Terminal orders free their slot at once, so a report for one afterwards counts as an unknown order.
 * <p>
 * The transition table is {@link #next(OrderState, OrderEvent, boolean)}. Report correlation: ACK, fills and
 * CANCELLED carry the order's current client order id; REPLACED carries the id sent with the replace; a REJECTED
 * answering a cancel or replace may carry either id. A replace takes the price and quantity we asked for and the
 * report's leaves quantity.
 * <p>
 * Single-threaded; nothing allocates after construction (the id index is sized so it never grows).
 */
public final class Orders
{
    private static final long NO_SLOT = -1;
    private static final int STATES = OrderState.values().length;
    private static final int EVENTS = OrderEvent.values().length;

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
    final long[] sentTimeNs;
    final long[] replaceId;
    final long[] replacePrice;
    final long[] replaceQuantity;

    int openCount;
    int inFlightCount;

    private final long[] illegal = new long[STATES * EVENTS];
    private final long[] unknown = new long[EVENTS];
    private long illegalTotal;
    private long unknownTotal;
    private long duplicateIds;
    private long noFreeSlot;
    private long unknownExecTypes;
    private final OrderCheckpoint codec;

    /**
     * @param capacity most orders held at once (open and pending), at least 1.
     */
    public Orders(final int capacity)
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
        sentTimeNs = new long[capacity];
        replaceId = new long[capacity];
        replacePrice = new long[capacity];
        replaceQuantity = new long[capacity];
        codec = new OrderCheckpoint(this);
    }

    /**
     * The transition table. {@code null} means illegal. Terminal states have no row: their slot is free, so every
     * event for them is an unknown order.
     *
     * @param from       current state.
     * @param event      what happened.
     * @param anyFilled  true if some quantity of the order has filled (decides LIVE vs PARTIALLY_FILLED when a
     *                   pending cancel or replace resolves without ending the order).
     * @return the next state, or null if the event is illegal in {@code from}.
     */
    public static OrderState next(final OrderState from, final OrderEvent event, final boolean anyFilled)
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

    /**
     * A new order was sent.
     *
     * @param id       its client order id.
     * @param side     its side.
     * @param price    limit price, ticks.
     * @param quantity lots.
     * @param timeNs   event time it was sent.
     * @return APPLIED, DUPLICATE_ID or NO_FREE_SLOT.
     */
    public OrderUpdate onNewSent(final long id, final Side side, final long price, final long quantity, final long timeNs)
    {
        if (NO_SLOT != slotById.get(id))
        {
            duplicateIds++;
            return OrderUpdate.DUPLICATE_ID;
        }
        if (0 == freeCount)
        {
            noFreeSlot++;
            return OrderUpdate.NO_FREE_SLOT;
        }
        final int slot = freeSlots[--freeCount];
        slotById.put(id, slot);
        state[slot] = OrderState.PENDING_NEW;
        this.side[slot] = side;
        clientOrderId[slot] = id;
        this.price[slot] = price;
        this.quantity[slot] = quantity;
        leaves[slot] = quantity;
        filled[slot] = 0;
        sentTimeNs[slot] = timeNs;
        openCount++;
        inFlightCount++;
        return OrderUpdate.APPLIED;
    }

    /**
     * A cancel was sent for an order.
     *
     * @param id     the order's client order id.
     * @param timeNs event time (kept for symmetry with the other requests; the quote's age is unchanged).
     * @return APPLIED, UNKNOWN_ORDER or ILLEGAL_TRANSITION.
     */
    public OrderUpdate onCancelSent(final long id, final long timeNs)
    {
        final int slot = (int)slotById.get(id);
        if (NO_SLOT == slot)
        {
            return unknown(OrderEvent.CANCEL_SENT);
        }
        return transition(slot, OrderEvent.CANCEL_SENT, 0, 0);
    }

    /**
     * A replace was sent: the order keeps {@code origId} until the venue answers REPLACED, then carries {@code newId}.
     *
     * @param origId   the order's current client order id.
     * @param newId    the id it will carry after the replace.
     * @param price    new limit price, ticks.
     * @param quantity new quantity, lots.
     * @param timeNs   event time it was sent (the new quote's age counts from here).
     * @return APPLIED, UNKNOWN_ORDER, DUPLICATE_ID or ILLEGAL_TRANSITION.
     */
    public OrderUpdate onReplaceSent(
        final long origId, final long newId, final long price, final long quantity, final long timeNs)
    {
        final int slot = (int)slotById.get(origId);
        if (NO_SLOT == slot)
        {
            return unknown(OrderEvent.REPLACE_SENT);
        }
        if (NO_SLOT != slotById.get(newId))
        {
            duplicateIds++;
            return OrderUpdate.DUPLICATE_ID;
        }
        final OrderUpdate update = transition(slot, OrderEvent.REPLACE_SENT, 0, 0);
        if (OrderUpdate.APPLIED == update)
        {
            slotById.put(newId, slot);
            replaceId[slot] = newId;
            replacePrice[slot] = price;
            replaceQuantity[slot] = quantity;
            sentTimeNs[slot] = timeNs;
        }
        return update;
    }

    /**
     * Applies an execution report read in place from its flyweight.
     *
     * @param report a decoder wrapped over the report.
     * @return the outcome.
     */
    public OrderUpdate onExecutionReport(final ExecutionReportDecoder report)
    {
        return onReport(
            report.clientOrderId(), execType(report.execTypeRaw()), report.lastQuantity(), report.leavesQuantity());
    }

    /**
     * Applies an execution report given as primitives.
     *
     * @param id             client order id the report carries.
     * @param execType       what happened; {@link ExecType#NULL_VAL} for a type this build does not know.
     * @param lastQuantity   lots filled by this report (fills only).
     * @param leavesQuantity lots still open after it.
     * @return the outcome.
     */
    public OrderUpdate onReport(final long id, final ExecType execType, final long lastQuantity, final long leavesQuantity)
    {
        final OrderEvent event = event(execType);
        if (null == event)
        {
            unknownExecTypes++;
            return OrderUpdate.UNKNOWN_EXEC_TYPE;
        }
        final int slot = (int)slotById.get(id);
        if (NO_SLOT == slot)
        {
            return unknown(event);
        }
        return transition(slot, event, lastQuantity, leavesQuantity);
    }

    private OrderUpdate transition(final int slot, final OrderEvent event, final long lastQuantity, final long leavesQuantity)
    {
        final OrderState from = state[slot];
        final boolean fill = OrderEvent.PARTIAL_FILL == event || OrderEvent.FILL == event;
        final long filledAfter = fill ? filled[slot] + lastQuantity : filled[slot];
        final OrderState to = next(from, event, filledAfter > 0);
        if (null == to)
        {
            illegal[from.ordinal() * EVENTS + event.ordinal()]++;
            illegalTotal++;
            return OrderUpdate.ILLEGAL_TRANSITION;
        }

        filled[slot] = filledAfter;
        if (fill)
        {
            leaves[slot] = OrderEvent.FILL == event ? 0 : leavesQuantity;
        }
        if (OrderState.PENDING_REPLACE == from && !fill && !to.isTerminal())
        {
            endReplace(slot, OrderEvent.REPLACED == event, leavesQuantity);
        }

        if (to.isTerminal())
        {
            free(slot, from);
        }
        else
        {
            inFlightCount += (to.isPending() ? 1 : 0) - (from.isPending() ? 1 : 0);
            state[slot] = to;
        }
        return OrderUpdate.APPLIED;
    }

    private void endReplace(final int slot, final boolean replaced, final long leavesQuantity)
    {
        if (replaced)
        {
            slotById.remove(clientOrderId[slot]);
            clientOrderId[slot] = replaceId[slot];
            price[slot] = replacePrice[slot];
            quantity[slot] = replaceQuantity[slot];
            leaves[slot] = leavesQuantity;
        }
        else
        {
            slotById.remove(replaceId[slot]);
        }
    }

    private void free(final int slot, final OrderState from)
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

    private OrderUpdate unknown(final OrderEvent event)
    {
        unknown[event.ordinal()]++;
        unknownTotal++;
        return OrderUpdate.UNKNOWN_ORDER;
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

    private static ExecType execType(final short raw)
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

    /**
     * Writes every open order and the free-slot stack into the checkpoint's groups, so {@link #decode} rebuilds the
     * same slots and the same order of future slot use. Counters are not written. Allocates nothing.
     *
     * @param checkpoint encoder of the checkpoint message, its root block written.
     */
    public void encode(final StrategyCheckpointEncoder checkpoint)
    {
        codec.encode(checkpoint);
    }

    /**
     * Checks the groups of a checkpoint whose counts were checked against the bytes and this capacity: every slot
     * in range and used once, every state and side known, every client order id held once. Reads the groups
     * through, so rewind the decoder before {@link #decode}.
     *
     * @param checkpoint decoder of the checkpoint message, positioned at its first group.
     * @return true if {@link #decode} can take them.
     */
    public boolean isDecodable(final StrategyCheckpointDecoder checkpoint)
    {
        return codec.isDecodable(checkpoint);
    }

    /**
     * Replaces every order with those of a checkpoint {@link #isDecodable} accepted; counters are kept.
     *
     * @param checkpoint decoder of the checkpoint message, positioned at its first group.
     */
    public void decode(final StrategyCheckpointDecoder checkpoint)
    {
        codec.decode(checkpoint);
    }

    /**
     * The venue reports an order of ours live (a STATUS answer after a restart): the order takes the venue's price,
     * quantity, leaves and cumulative quantity and rests (LIVE, or PARTIALLY_FILLED if anything filled). A request
     * that was in flight when the old process died is resolved by what the venue shows: a pending replace whose new
     * id is reported was applied, one whose old id is reported was lost; a pending cancel whose order is still live
     * was lost; a pending new that is live was acknowledged. The caller reads {@link #filledQuantity(long)} before,
     * to see fills that happened while it was down.
     *
     * @param id       client order id the venue reports (the current one, or the new id of a replace in flight).
     * @param price    the order's price at the venue, ticks.
     * @param quantity the order's quantity at the venue, lots.
     * @param leaves   lots still open at the venue.
     * @param cum      lots filled at the venue over the order's life.
     * @return APPLIED, or UNKNOWN_ORDER if no open order has the id.
     */
    public OrderUpdate onStatus(final long id, final long price, final long quantity, final long leaves, final long cum)
    {
        final int slot = (int)slotById.get(id);
        if (NO_SLOT == slot)
        {
            return OrderUpdate.UNKNOWN_ORDER;
        }
        final OrderState from = state[slot];
        if (OrderState.PENDING_REPLACE == from)
        {
            if (id == replaceId[slot])
            {
                slotById.remove(clientOrderId[slot]);
                clientOrderId[slot] = id;
            }
            else
            {
                slotById.remove(replaceId[slot]);
            }
        }
        this.price[slot] = price;
        this.quantity[slot] = quantity;
        this.leaves[slot] = leaves;
        filled[slot] = cum;
        final OrderState to = cum > 0 ? OrderState.PARTIALLY_FILLED : OrderState.LIVE;
        inFlightCount -= from.isPending() ? 1 : 0;
        state[slot] = to;
        return OrderUpdate.APPLIED;
    }

    /**
     * An open order the venue no longer has (absent from its STATUS answer after a restart): it ended while this
     * process was down, and its slot is freed. Which way it ended is not known here; see {@code Reconciliation}.
     *
     * @param id the order's client order id.
     * @return the state it was in, or null if no open order has the id.
     */
    public OrderState onEndedUnseen(final long id)
    {
        final int slot = (int)slotById.get(id);
        if (NO_SLOT == slot)
        {
            return null;
        }
        final OrderState from = state[slot];
        free(slot, from);
        return from;
    }

    /**
     * @param id a client order id (current, or the new id of a replace in flight).
     * @return the slot holding the order, or -1 if no open order has that id.
     */
    public int slotOf(final long id)
    {
        return (int)slotById.get(id);
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return limit price of the order in the slot, ticks (meaningless if the slot is free).
     */
    public long priceAt(final int slot)
    {
        return price[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return lots still open of the order in the slot; 0 if the slot is free.
     */
    public long leavesAt(final int slot)
    {
        return leaves[slot];
    }

    /**
     * @return most orders held at once.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return true if another new order can be tracked.
     */
    public boolean hasFreeSlot()
    {
        return freeCount > 0;
    }

    /**
     * @return orders not yet terminal (pending or resting).
     */
    public int openOrderCount()
    {
        return openCount;
    }

    /**
     * @return orders with a new, cancel or replace in flight.
     */
    public int inFlightCount()
    {
        return inFlightCount;
    }

    /**
     * @param side BUY or SELL.
     * @return open orders on that side.
     */
    public int openOrderCount(final Side side)
    {
        int count = 0;
        for (int slot = 0; slot < capacity; slot++)
        {
            if (side == this.side[slot])
            {
                count++;
            }
        }
        return count;
    }

    /**
     * @param side BUY or SELL.
     * @return lots still open on that side, summed over its open orders (a pending new counts in full).
     */
    public long leavesQuantity(final Side side)
    {
        long sum = 0;
        for (int slot = 0; slot < capacity; slot++)
        {
            if (side == this.side[slot])
            {
                sum += leaves[slot];
            }
        }
        return sum;
    }

    /**
     * @param id a client order id (current, or the new id of a replace in flight).
     * @return the order's state, or null if no open order has that id.
     */
    public OrderState state(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? null : state[slot];
    }

    /**
     * @param id a client order id.
     * @return its side, or null if not held.
     */
    public Side side(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? null : side[slot];
    }

    /**
     * @param id a client order id.
     * @return its limit price in ticks as last acknowledged (a replace in flight is not applied yet); 0 if not held.
     */
    public long price(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? 0 : price[slot];
    }

    /**
     * @param id a client order id.
     * @return lots still open; 0 if not held.
     */
    public long leavesQuantity(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? 0 : leaves[slot];
    }

    /**
     * @param id a client order id.
     * @return lots filled so far; 0 if not held.
     */
    public long filledQuantity(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? 0 : filled[slot];
    }

    /**
     * @param id a client order id.
     * @return event time its current price and quantity were sent (new or replace); 0 if not held.
     */
    public long sentTimeNs(final long id)
    {
        final int slot = (int)slotById.get(id);
        return NO_SLOT == slot ? 0 : sentTimeNs[slot];
    }

    /**
     * For walking every slot without a callback: {@code for (slot = 0; slot < capacity(); slot++)}.
     *
     * @param slot 0 to capacity - 1.
     * @return the state of the order in the slot, or null if the slot is free.
     */
    public OrderState stateAt(final int slot)
    {
        return state[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return client order id of the order in the slot (meaningless if the slot is free).
     */
    public long clientOrderIdAt(final int slot)
    {
        return clientOrderId[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return side of the order in the slot, or null if the slot is free.
     */
    public Side sideAt(final int slot)
    {
        return side[slot];
    }

    /**
     * @param from  state the order was in.
     * @param event what arrived.
     * @return how many times that event arrived in that state and was refused.
     */
    public long illegalTransitions(final OrderState from, final OrderEvent event)
    {
        return illegal[from.ordinal() * EVENTS + event.ordinal()];
    }

    /**
     * @return illegal transitions over every (state, event).
     */
    public long illegalTransitions()
    {
        return illegalTotal;
    }

    /**
     * @param event what arrived.
     * @return how many times it arrived for an id no open order has (includes late reports after a terminal one).
     */
    public long unknownOrders(final OrderEvent event)
    {
        return unknown[event.ordinal()];
    }

    /**
     * @return unknown-order events over every event.
     */
    public long unknownOrders()
    {
        return unknownTotal;
    }

    /**
     * @return new orders or replaces sent with an id already held.
     */
    public long duplicateIds()
    {
        return duplicateIds;
    }

    /**
     * @return new orders not tracked because every slot was in use.
     */
    public long noFreeSlot()
    {
        return noFreeSlot;
    }

    /**
     * @return reports with an exec type this build does not know.
     */
    public long unknownExecTypes()
    {
        return unknownExecTypes;
    }
}
