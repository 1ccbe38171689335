package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.StrategyCheckpointEncoder;

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
 * Fills are matched before they move anything ({@link FillMatching}, docs/decisions/fill-matching.md): only for an
 * order held here, once per exec id, within its open quantity; the outcome says whether to book the fill
 * ({@link OrderUpdate#booksFill()}), ignore it (a retransmit) or refuse it ({@link OrderUpdate#refusesFill()}).
 * <p>
 * Single-threaded; nothing allocates after construction (the id index is sized so it never grows).
 * <p>
 * A facade over its parts, each a class of its own: {@link OrderSlots} (slots, id index, free-slot stack),
 * {@link OrderStateMachine} (transitions on what we sent and on reports, and their counters), {@link FillMatching}
 * (with {@link RecentFills} and {@link OwedFills}), {@link OrderStatusResolution} (the venue's STATUS answer after a
 * restart) and {@link OrderCheckpoint}.
 * <p>
 * Over 500 lines because it is the facade: most of its length is one-line delegations with their Javadoc, the one
 * place the strategy and the reconciliation read orders through.
 */
public final class Orders
{
    /** Fills remembered by (client order id, exec id) to recognise a retransmit, unless the constructor says. */
    public static final int DEFAULT_FILLS_REMEMBERED = 1024;

    private final OrderSlots slots;
    private final OrderStateMachine machine;
    private final FillMatching fills;
    private final OrderStatusResolution status;
    private final OrderCheckpoint codec;
    private long goneAtVenue;

    /**
     * @param capacity most orders held at once (open and pending), at least 1.
     */
    public Orders(final int capacity)
    {
        this(capacity, DEFAULT_FILLS_REMEMBERED);
    }

    /**
     * @param capacity        most orders held at once (open and pending), at least 1.
     * @param fillsRemembered fills remembered by exec id, at least 1: a retransmit of an older one is no longer
     *                        recognised as such (it is then refused if its order has nothing owed, never booked twice).
     */
    public Orders(final int capacity, final int fillsRemembered)
    {
        slots = new OrderSlots(capacity);
        final OwedFills owedFills = new OwedFills(capacity);
        machine = new OrderStateMachine(slots, owedFills);
        fills = new FillMatching(slots, machine, new RecentFills(fillsRemembered), owedFills);
        status = new OrderStatusResolution(slots);
        codec = new OrderCheckpoint(slots);
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
        return OrderStateMachine.next(from, event, anyFilled);
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
        return machine.onNewSent(id, side, price, quantity, timeNs);
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
        return machine.onCancelSent(id);
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
        return machine.onReplaceSent(origId, newId, price, quantity, timeNs);
    }

    /**
     * Applies an execution report read in place from its flyweight; a fill is matched first (see the class
     * description). The instrument is not looked at: see {@link #onExecutionReport(ExecutionReportDecoder, long)}.
     *
     * @param report a decoder wrapped over the report.
     * @return the outcome.
     */
    public OrderUpdate onExecutionReport(final ExecutionReportDecoder report)
    {
        final ExecType execType = OrderStateMachine.execType(report.execTypeRaw());
        if (isFill(execType))
        {
            final short sideRaw = report.sideRaw();
            final Side side = Side.BUY.value() == sideRaw ? Side.BUY : Side.SELL.value() == sideRaw ? Side.SELL : Side.NULL_VAL;
            return fills.onFill(report.clientOrderId(), report.execId(), true, ExecType.FILL == execType, side,
                report.lastPrice(), report.lastQuantity(), report.cumQuantity());
        }
        if (ExecType.REJECTED == execType && isGoneAtVenue(report.rejectReasonRaw()))
        {
            final OrderState state = state(report.clientOrderId());
            if (OrderState.PENDING_CANCEL == state || OrderState.PENDING_REPLACE == state)
            {
                goneAtVenue++;
                return OrderUpdate.GONE_AT_VENUE;
            }
        }
        return machine.onReport(report.clientOrderId(), execType, report.lastQuantity(), report.leavesQuantity(),
            report.cumQuantity());
    }

    private static boolean isGoneAtVenue(final int rejectReasonRaw)
    {
        return RejectReason.TOO_LATE_TO_CANCEL.value() == rejectReasonRaw || RejectReason.UNKNOWN_ORDER.value() == rejectReasonRaw;
    }

    /**
     * @return cancels and replaces the venue refused because it no longer had the order ({@link OrderUpdate#GONE_AT_VENUE}).
     */
    public long goneAtVenue()
    {
        return goneAtVenue;
    }

    /**
     * As {@link #onExecutionReport(ExecutionReportDecoder)}, for the orders of one instrument: a fill of another
     * instrument cannot be one of these orders and is refused as {@link OrderUpdate#UNKNOWN_ORDER}.
     *
     * @param report       a decoder wrapped over the report.
     * @param instrumentId the instrument these orders are for.
     * @return the outcome.
     */
    public OrderUpdate onExecutionReport(final ExecutionReportDecoder report, final long instrumentId)
    {
        final ExecType execType = OrderStateMachine.execType(report.execTypeRaw());
        if (isFill(execType) && report.instrumentId() != instrumentId)
        {
            return fills.refuse(ExecType.FILL == execType);
        }
        return onExecutionReport(report);
    }

    /**
     * Applies an execution report given as primitives, from a venue taken to report in order: a fill's cumulative
     * quantity is taken as the venue's so far plus this fill, and it has no exec id (nothing is remembered, so a
     * retransmit is not recognised). Fills are still matched to an order and bounded by its open quantity.
     *
     * @param id             client order id the report carries.
     * @param execType       what happened; {@link ExecType#NULL_VAL} for a type this build does not know.
     * @param lastQuantity   lots filled by this report (fills only).
     * @param leavesQuantity lots still open after it (not read for a fill: its leaves follow from its quantity).
     * @return the outcome.
     */
    public OrderUpdate onReport(final long id, final ExecType execType, final long lastQuantity, final long leavesQuantity)
    {
        final int slot = slots.slotOf(id);
        final long venueCum = OrderSlots.NO_SLOT == slot ? 0 : slots.venueCum[slot];
        if (isFill(execType))
        {
            return fills.onFill(id, 0, false, ExecType.FILL == execType, null, 0, lastQuantity, venueCum + lastQuantity);
        }
        return machine.onReport(id, execType, lastQuantity, leavesQuantity, venueCum);
    }

    /**
     * @param execTypeRaw an execution report's raw exec type.
     * @return true if it is PARTIAL_FILL or FILL.
     */
    public static boolean isFill(final short execTypeRaw)
    {
        return isFill(OrderStateMachine.execType(execTypeRaw));
    }

    private static boolean isFill(final ExecType execType)
    {
        return ExecType.PARTIAL_FILL == execType || ExecType.FILL == execType;
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
        return status.onStatus(id, price, quantity, leaves, cum);
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
        return status.onEndedUnseen(id);
    }

    /**
     * @param id a client order id (current, or the new id of a replace in flight).
     * @return the slot holding the order, or -1 if no open order has that id.
     */
    public int slotOf(final long id)
    {
        return slots.slotOf(id);
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return limit price of the order in the slot, ticks (meaningless if the slot is free).
     */
    public long priceAt(final int slot)
    {
        return slots.price[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return lots still open of the order in the slot; 0 if the slot is free.
     */
    public long leavesAt(final int slot)
    {
        return slots.leaves[slot];
    }

    /**
     * @return most orders held at once.
     */
    public int capacity()
    {
        return slots.capacity;
    }

    /**
     * @return true if another new order can be tracked.
     */
    public boolean hasFreeSlot()
    {
        return slots.freeCount > 0;
    }

    /**
     * @return orders not yet terminal (pending or resting).
     */
    public int openOrderCount()
    {
        return slots.openCount;
    }

    /**
     * @return orders with a new, cancel or replace in flight.
     */
    public int inFlightCount()
    {
        return slots.inFlightCount;
    }

    /**
     * @param side BUY or SELL.
     * @return open orders on that side.
     */
    public int openOrderCount(final Side side)
    {
        int count = 0;
        for (int slot = 0; slot < slots.capacity; slot++)
        {
            if (side == slots.side[slot])
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
        for (int slot = 0; slot < slots.capacity; slot++)
        {
            if (side == slots.side[slot])
            {
                sum += slots.leaves[slot];
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
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? null : slots.state[slot];
    }

    /**
     * @param id a client order id.
     * @return its side, or null if not held.
     */
    public Side side(final long id)
    {
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? null : slots.side[slot];
    }

    /**
     * @param id a client order id.
     * @return its limit price in ticks as last acknowledged (a replace in flight is not applied yet); 0 if not held.
     */
    public long price(final long id)
    {
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? 0 : slots.price[slot];
    }

    /**
     * @param id a client order id.
     * @return lots still open; 0 if not held.
     */
    public long leavesQuantity(final long id)
    {
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? 0 : slots.leaves[slot];
    }

    /**
     * @param id a client order id.
     * @return lots filled so far; 0 if not held.
     */
    public long filledQuantity(final long id)
    {
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? 0 : slots.filled[slot];
    }

    /**
     * @param id a client order id.
     * @return event time its current price and quantity were sent (new or replace); 0 if not held.
     */
    public long sentTimeNs(final long id)
    {
        final int slot = slots.slotOf(id);
        return OrderSlots.NO_SLOT == slot ? 0 : slots.sentTimeNs[slot];
    }

    /**
     * For walking every slot without a callback: {@code for (slot = 0; slot < capacity(); slot++)}.
     *
     * @param slot 0 to capacity - 1.
     * @return the state of the order in the slot, or null if the slot is free.
     */
    public OrderState stateAt(final int slot)
    {
        return slots.state[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return client order id of the order in the slot (meaningless if the slot is free).
     */
    public long clientOrderIdAt(final int slot)
    {
        return slots.clientOrderId[slot];
    }

    /**
     * @param slot 0 to capacity - 1.
     * @return side of the order in the slot, or null if the slot is free.
     */
    public Side sideAt(final int slot)
    {
        return slots.side[slot];
    }

    /**
     * @param from  state the order was in.
     * @param event what arrived.
     * @return how many times that event arrived in that state and was refused.
     */
    public long illegalTransitions(final OrderState from, final OrderEvent event)
    {
        return machine.illegalTransitions(from, event);
    }

    /**
     * @return illegal transitions over every (state, event).
     */
    public long illegalTransitions()
    {
        return machine.illegalTotal;
    }

    /**
     * @param event what arrived.
     * @return how many times it arrived for an id no open order has (includes late reports after a terminal one).
     */
    public long unknownOrders(final OrderEvent event)
    {
        return machine.unknownOrders(event);
    }

    /**
     * @return unknown-order events over every event.
     */
    public long unknownOrders()
    {
        return machine.unknownTotal;
    }

    /**
     * @return new orders or replaces sent with an id already held.
     */
    public long duplicateIds()
    {
        return machine.duplicateIds;
    }

    /**
     * @return new orders not tracked because every slot was in use.
     */
    public long noFreeSlot()
    {
        return machine.noFreeSlot;
    }

    /**
     * @return reports with an exec type this build does not know.
     */
    public long unknownExecTypes()
    {
        return machine.unknownExecTypes;
    }

    /**
     * @param outcome an outcome of a fill report: APPLIED, LATE_FILL, DUPLICATE_FILL, UNKNOWN_ORDER, OVERFILL or
     *                FILL_CONFLICT.
     * @return how many fill reports ended with it.
     */
    public long fills(final OrderUpdate outcome)
    {
        return fills.outcomes(outcome);
    }

    /**
     * @return fills this process still remembers by exec id.
     */
    public long fillsRemembered()
    {
        return fills.remembered();
    }

    /**
     * @return fills forgotten by exec id to make room for newer ones.
     */
    public long fillsForgotten()
    {
        return fills.forgotten();
    }
}
