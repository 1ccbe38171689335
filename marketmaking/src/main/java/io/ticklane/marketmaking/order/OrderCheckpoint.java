package io.ticklane.marketmaking.order;

import io.ticklane.sbe.CheckpointOrderState;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.StrategyCheckpointEncoder;

import java.util.Arrays;

/**
 * The order slots as the {@code openOrders} and {@code freeSlots} groups of the SBE StrategyCheckpoint, and back.
 * Kept apart from the state machine because a checkpoint is read from bytes that may be damaged or hostile: every
 * value is checked ({@link #isDecodable}) before any slot changes. Order states are written as the schema's fixed
 * codes, matched to {@link OrderState} by name at class load, so reordering the Java enum never changes what a stored
 * checkpoint means. Writing allocates nothing; the checks use scratch sized once.
 */
final class OrderCheckpoint
{
    private static final OrderState[] STATE_BY_CODE = new OrderState[256];
    private static final CheckpointOrderState[] CODE_BY_STATE = new CheckpointOrderState[OrderState.values().length];

    static
    {
        for (final OrderState state : OrderState.values())
        {
            if (!state.isTerminal()) // a terminal order frees its slot: never in a checkpoint
            {
                final CheckpointOrderState code = CheckpointOrderState.valueOf(state.name());
                CODE_BY_STATE[state.ordinal()] = code;
                STATE_BY_CODE[code.value()] = state;
            }
        }
    }

    private final OrderSlots slots;
    private final boolean[] slotSeen;
    private final long[] ids;

    OrderCheckpoint(final OrderSlots slots)
    {
        this.slots = slots;
        slotSeen = new boolean[slots.capacity];
        ids = new long[2 * slots.capacity];
    }

    void encode(final StrategyCheckpointEncoder checkpoint)
    {
        final OrderSlots o = slots;
        final StrategyCheckpointEncoder.OpenOrdersEncoder open = checkpoint.openOrdersCount(o.openCount);
        for (int slot = 0; slot < o.capacity; slot++)
        {
            if (null == o.state[slot])
            {
                continue;
            }
            open.next()
                .slot(slot)
                .state(CODE_BY_STATE[o.state[slot].ordinal()])
                .side(o.side[slot])
                .clientOrderId(o.clientOrderId[slot])
                .price(o.price[slot])
                .quantity(o.quantity[slot])
                .leavesQuantity(o.leaves[slot])
                .filledQuantity(o.filled[slot])
                .sentTimeNs(o.sentTimeNs[slot])
                .replaceId(o.replaceId[slot])
                .replacePrice(o.replacePrice[slot])
                .replaceQuantity(o.replaceQuantity[slot]);
        }
        final StrategyCheckpointEncoder.FreeSlotsEncoder free = checkpoint.freeSlotsCount(o.freeCount);
        for (int i = 0; i < o.freeCount; i++)
        {
            free.next().slot(o.freeSlots[i]);
        }
    }

    boolean isDecodable(final StrategyCheckpointDecoder checkpoint)
    {
        Arrays.fill(slotSeen, false);
        int idCount = 0;
        final StrategyCheckpointDecoder.OpenOrdersDecoder open = checkpoint.openOrders();
        if (open.count() > slotSeen.length)
        {
            return false;
        }
        while (open.hasNext())
        {
            open.next();
            final OrderState state = state(open.stateRaw());
            final short side = open.sideRaw();
            if (!takeSlot(open.slot()) || null == state || (Side.BUY.value() != side && Side.SELL.value() != side))
            {
                return false;
            }
            ids[idCount++] = open.clientOrderId();
            if (OrderState.PENDING_REPLACE == state)
            {
                ids[idCount++] = open.replaceId();
            }
        }
        final StrategyCheckpointDecoder.FreeSlotsDecoder free = checkpoint.freeSlots();
        while (free.hasNext())
        {
            if (!takeSlot(free.next().slot()))
            {
                return false;
            }
        }
        Arrays.sort(ids, 0, idCount);
        for (int i = 1; i < idCount; i++)
        {
            if (ids[i] == ids[i - 1])
            {
                return false; // two orders under one id would share an index entry
            }
        }
        return true;
    }

    void decode(final StrategyCheckpointDecoder checkpoint)
    {
        final OrderSlots o = slots;
        o.slotById.clear();
        for (int slot = 0; slot < o.capacity; slot++)
        {
            o.state[slot] = null;
            o.side[slot] = null;
            o.leaves[slot] = 0;
        }
        int inFlight = 0;
        final StrategyCheckpointDecoder.OpenOrdersDecoder open = checkpoint.openOrders();
        o.openCount = open.count();
        while (open.hasNext())
        {
            open.next();
            final int slot = (int)open.slot();
            final OrderState s = state(open.stateRaw());
            o.state[slot] = s;
            o.side[slot] = open.side();
            o.clientOrderId[slot] = open.clientOrderId();
            o.price[slot] = open.price();
            o.quantity[slot] = open.quantity();
            o.leaves[slot] = open.leavesQuantity();
            o.filled[slot] = open.filledQuantity();
            o.venueCum[slot] = open.filledQuantity(); // not written: equal unless a fill was owed (fill-matching.md)
            o.priorId[slot] = OrderSlots.NO_ID;
            o.sentTimeNs[slot] = open.sentTimeNs();
            o.replaceId[slot] = open.replaceId();
            o.replacePrice[slot] = open.replacePrice();
            o.replaceQuantity[slot] = open.replaceQuantity();
            o.slotById.put(o.clientOrderId[slot], slot);
            if (OrderState.PENDING_REPLACE == s)
            {
                o.slotById.put(o.replaceId[slot], slot);
            }
            inFlight += s.isPending() ? 1 : 0;
        }
        final StrategyCheckpointDecoder.FreeSlotsDecoder free = checkpoint.freeSlots();
        o.freeCount = free.count();
        for (int i = 0; free.hasNext(); i++)
        {
            o.freeSlots[i] = (int)free.next().slot();
        }
        o.inFlightCount = inFlight;
    }

    private boolean takeSlot(final long slot)
    {
        if (slot < 0 || slot >= slotSeen.length || slotSeen[(int)slot])
        {
            return false;
        }
        slotSeen[(int)slot] = true;
        return true;
    }

    private static OrderState state(final short code)
    {
        return code >= 0 && code < STATE_BY_CODE.length ? STATE_BY_CODE[code] : null;
    }
}
