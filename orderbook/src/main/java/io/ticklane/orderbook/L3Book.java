package io.ticklane.orderbook;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.Side;
import org.agrona.BufferUtil;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Order-by-order (L3) book for venues that publish every order, such as NASDAQ ITCH via LOBSTER: each order sits in
 * a FIFO at its price level, so the book knows the exact queue position of any order, and it derives the L2 view
 * (same {@link PriceLadder} queries as {@link L2Book}).
 * <p>
 * Size known only in aggregate (from an L2 snapshot, or learned from outside) is kept per level as anonymous size at
 * the front of the queue: events for orders the book never saw consume it, and go STALE with
 * {@link StaleReason#UNKNOWN_ORDER_ID} only when it cannot cover them; what it covered is counted
 * ({@link #unknownOrderEventsAbsorbed()}). A feed that knows a level only in aggregate (LOBSTER's level-N window:
 * levels entering from beyond it, levels leaving it) says so with an L2 update, read as a statement about the level's
 * anonymous size that must agree with the orders the book holds (see {@link #onUpdate}). Order records live in preallocated off-heap
 * memory, indexed by an Agrona open-addressing map sized at construction: no allocation afterwards.
 * <p>
 * One file on purpose: each level's FIFO is split between the ladder slot (head, tail, anonymous size) and the order
 * records (prev, next), and add, reduce, unlink and window drops must change both halves together; the record store
 * alone would be a thin wrapper over offsets that only this class reads.
 */
public final class L3Book extends OrderBook
{
    /** Default number of orders the book can hold at once. */
    public static final int DEFAULT_MAX_ORDERS = 1 << 18;

    private static final int ORDER_ID_OFFSET = 0;
    private static final int PRICE_OFFSET = 8;
    private static final int QUANTITY_OFFSET = 16;
    private static final int PREV_OFFSET = 24;
    private static final int NEXT_OFFSET = 28;
    private static final int SIDE_OFFSET = 32;
    private static final int RECORD_LENGTH = 40;
    private static final byte BID = 1;
    private static final byte ASK = 2;
    private static final long MISSING = -1;

    private final int maxOrders;
    private final UnsafeBuffer records;
    private final int[] freeIndices;
    private final Long2LongHashMap indexByOrderId;
    private int freeCount;
    private long eventSequence;
    private long unknownOrderEventsAbsorbed;
    private long unknownOrderQuantityAbsorbed;
    private long levelsStated;
    private long levelsDeleted;
    private long ordersForgotten;

    /**
     * @param instrumentId   instrument whose messages this book applies.
     * @param ladderCapacity ticks each side's window spans (power of two).
     * @param maxOrders      most orders held at once.
     */
    public L3Book(final long instrumentId, final int ladderCapacity, final int maxOrders)
    {
        super(instrumentId, ladderCapacity);
        if (maxOrders < 1)
        {
            throw new IllegalArgumentException("maxOrders must be positive: " + maxOrders);
        }

        this.maxOrders = maxOrders;
        this.records = new UnsafeBuffer(BufferUtil.allocateDirectAligned(maxOrders * RECORD_LENGTH, 64));
        this.freeIndices = new int[maxOrders];
        // Load factor 0.5 and twice the capacity: the map never reaches its resize threshold, so never allocates.
        this.indexByOrderId = new Long2LongHashMap(2 * maxOrders, 0.5f, MISSING);
        resetOrders();

        final PriceLadder.LevelRemovalListener releaseOrders = this::releaseOrdersFrom;
        bids.removalListener(releaseOrders);
        asks.removalListener(releaseOrders);
    }

    /**
     * @param instrumentId instrument whose messages this book applies.
     */
    public L3Book(final long instrumentId)
    {
        this(instrumentId, DEFAULT_LADDER_CAPACITY, DEFAULT_MAX_ORDERS);
    }

    /**
     * Applies an aggregated snapshot: all orders are forgotten and each level's size becomes anonymous size.
     *
     * @param snapshot wrapped snapshot message.
     */
    public void onSnapshot(final L2SnapshotDecoder snapshot)
    {
        final long messageSequence = snapshot.sequence();
        if (snapshot.instrumentId() != instrumentId())
        {
            markStale(StaleReason.UNSUPPORTED_MESSAGE, messageSequence);
            return;
        }

        bids.clear();
        asks.clear();
        resetOrders();
        boolean malformed = false;
        for (final L2SnapshotDecoder.LevelsDecoder level : snapshot.levels())
        {
            final long quantity = level.quantity();
            final Side side = level.side();
            if (quantity < 0 || (Side.BUY != side && Side.SELL != side))
            {
                malformed = true;
                continue;
            }
            addAnonymous(side, level.price(), quantity);
        }

        onSnapshotApplied(messageSequence, snapshot.exchangeTimeNs());
        if (malformed)
        {
            markStale(StaleReason.MALFORMED_MESSAGE, messageSequence);
        }
    }

    /**
     * Applies level statements, for feeds that know some levels only in aggregate (LOBSTER level-N imports journal the
     * levels entering and leaving their window this way). Each level of the update must agree with the orders the book
     * holds, or the book goes STALE with {@link StaleReason#LEVEL_MISMATCH}:
     * <ul>
     *     <li>NEW: a level the book does not hold appears with the quantity as anonymous size;</li>
     *     <li>CHANGE: a level the book holds gets the quantity as its total, the named orders kept and the anonymous
     *         size making up the rest (never below the named orders);</li>
     *     <li>DELETE: a level the book holds is removed, its named orders forgotten (counted).</li>
     * </ul>
     * The update chains like an order event ({@code prevSequence} must be the book's sequence).
     *
     * @param update wrapped update message.
     */
    public void onUpdate(final L2UpdateDecoder update)
    {
        final long messageSequence = update.sequence();
        if (!acceptUpdate(update.instrumentId(), messageSequence, update.prevSequence()))
        {
            return;
        }

        eventSequence = messageSequence;
        for (final L2UpdateDecoder.LevelsDecoder level : update.levels())
        {
            if (!applyLevelStatement(level.side(), level.action(), level.price(), level.quantity()))
            {
                return;
            }
        }
        onUpdateApplied(messageSequence, update.exchangeTimeNs());
    }

    public void onOrderEvent(final L3OrderEventDecoder event)
    {
        final long messageSequence = event.sequence();
        if (!acceptUpdate(event.instrumentId(), messageSequence, event.prevSequence()))
        {
            return;
        }

        eventSequence = messageSequence;
        final long orderId = event.orderId();
        final Side side = event.side();
        final long price = event.price();
        final long quantity = event.quantity();
        final boolean applied;
        switch (event.eventType())
        {
            case ADD:
                applied = add(orderId, side, price, quantity);
                break;
            case MODIFY:
                applied = modify(orderId, side, price, quantity);
                break;
            case CANCEL:
                applied = cancel(orderId, side, price, quantity);
                break;
            case DELETE:
                applied = delete(orderId, side, price, quantity);
                break;
            case EXECUTE:
                applied = execute(orderId, side, price, quantity);
                break;
            default:
                markStale(StaleReason.MALFORMED_MESSAGE, messageSequence);
                applied = false;
                break;
        }

        if (applied)
        {
            onUpdateApplied(messageSequence, event.exchangeTimeNs());
        }
    }

    /**
     * Adds a new order at the back of its level's queue.
     *
     * @param orderId  unique order id.
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity positive quantity.
     * @return true if applied; false if the book went STALE.
     */
    public boolean add(final long orderId, final Side side, final long price, final long quantity)
    {
        if ((Side.BUY != side && Side.SELL != side) || quantity <= 0)
        {
            return stale(StaleReason.MALFORMED_MESSAGE);
        }
        if (MISSING != indexByOrderId.get(orderId))
        {
            return stale(StaleReason.DUPLICATE_ORDER_ID);
        }
        if (0 == freeCount)
        {
            return stale(StaleReason.ORDER_CAPACITY_EXCEEDED);
        }

        final PriceLadder ladder = side(side);
        if (!ladder.add(price, quantity))
        {
            return stale(StaleReason.PRICE_OUT_OF_RANGE);
        }

        final int index = freeIndices[--freeCount];
        final int offset = index * RECORD_LENGTH;
        records.putLong(offset + ORDER_ID_OFFSET, orderId);
        records.putLong(offset + PRICE_OFFSET, price);
        records.putLong(offset + QUANTITY_OFFSET, quantity);
        records.putByte(offset + SIDE_OFFSET, Side.BUY == side ? BID : ASK);
        linkAtTail(ladder, price, index);
        indexByOrderId.put(orderId, index);
        return true;
    }

    /**
     * Reduces an order by a cancelled quantity (removed when nothing is left). An unknown order consumes anonymous
     * size at the given price.
     *
     * @param orderId  order id.
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity quantity cancelled, positive.
     * @return true if applied; false if the book went STALE.
     */
    public boolean cancel(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, false);
    }

    /**
     * Reduces an order by an executed quantity (removed when nothing is left). An unknown order consumes anonymous
     * size at the given price.
     *
     * @param orderId  order id.
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity quantity executed, positive.
     * @return true if applied; false if the book went STALE.
     */
    public boolean execute(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, false);
    }

    /**
     * Removes an order; {@code quantity} must be what the order has left. An unknown order consumes anonymous size.
     *
     * @param orderId  order id.
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity the order's remaining quantity.
     * @return true if applied; false if the book went STALE.
     */
    public boolean delete(final long orderId, final Side side, final long price, final long quantity)
    {
        return reduce(orderId, side, price, quantity, true);
    }

    /**
     * Changes an order's price and/or quantity. A quantity decrease at the same price keeps queue priority; any other
     * change sends the order to the back of its (new) level.
     *
     * @param orderId  order id, must be known.
     * @param side     BUY or SELL, must match the order.
     * @param price    new price in ticks.
     * @param quantity new quantity, positive.
     * @return true if applied; false if the book went STALE.
     */
    public boolean modify(final long orderId, final Side side, final long price, final long quantity)
    {
        final long found = indexByOrderId.get(orderId);
        if (MISSING == found)
        {
            return stale(StaleReason.UNKNOWN_ORDER_ID);
        }
        if (quantity <= 0)
        {
            return stale(StaleReason.MALFORMED_MESSAGE);
        }

        final int index = (int)found;
        final int offset = index * RECORD_LENGTH;
        if (sideOf(offset) != side)
        {
            return stale(StaleReason.ORDER_MISMATCH);
        }

        final long oldPrice = records.getLong(offset + PRICE_OFFSET);
        final long oldQuantity = records.getLong(offset + QUANTITY_OFFSET);
        final PriceLadder ladder = side(side);
        if (oldPrice == price && quantity <= oldQuantity)
        {
            records.putLong(offset + QUANTITY_OFFSET, quantity);
            ladder.add(price, quantity - oldQuantity);
            return true;
        }

        removeOrder(ladder, index, offset, oldPrice, oldQuantity);
        return add(orderId, side, price, quantity);
    }

    /**
     * Adds size known only in aggregate (a snapshot level, or a level learned from another source) at the front of
     * a level's queue.
     *
     * @param side     BUY or SELL.
     * @param price    in ticks.
     * @param quantity size to add, not negative.
     * @return false if the price is beyond the ladder window.
     */
    public boolean addAnonymous(final Side side, final long price, final long quantity)
    {
        final PriceLadder ladder = side(side);
        if (!ladder.add(price, quantity))
        {
            return false;
        }
        if (quantity > 0)
        {
            ladder.anonymousAt(price, ladder.anonymousAt(price) + quantity);
        }
        return true;
    }

    /**
     * Keeps only the first {@code maxLevels} levels of each side, forgetting the orders beyond. Used when replaying a
     * feed that only carries the top levels (LOBSTER level-N files).
     *
     * @param maxLevels levels to keep per side.
     * @return levels removed.
     */
    public int retainLevels(final int maxLevels)
    {
        return bids.retainLevels(maxLevels) + asks.retainLevels(maxLevels);
    }

    /**
     * Queue position: the size resting ahead of an order at its level (anonymous size counts as ahead).
     *
     * @param orderId order id.
     * @return size ahead, or -1 if the order is unknown.
     */
    public long quantityAhead(final long orderId)
    {
        final long found = indexByOrderId.get(orderId);
        if (MISSING == found)
        {
            return -1;
        }

        final int offset = (int)found * RECORD_LENGTH;
        final long price = records.getLong(offset + PRICE_OFFSET);
        long ahead = side(sideOf(offset)).anonymousAt(price);
        int previous = records.getInt(offset + PREV_OFFSET);
        while (PriceLadder.NULL_INDEX != previous)
        {
            final int previousOffset = previous * RECORD_LENGTH;
            ahead += records.getLong(previousOffset + QUANTITY_OFFSET);
            previous = records.getInt(previousOffset + PREV_OFFSET);
        }
        return ahead;
    }

    /**
     * @param orderId order id.
     * @return the order's remaining quantity, or -1 if unknown.
     */
    public long orderQuantity(final long orderId)
    {
        final long found = indexByOrderId.get(orderId);
        return MISSING == found ? -1 : records.getLong((int)found * RECORD_LENGTH + QUANTITY_OFFSET);
    }

    /**
     * @param orderId order id.
     * @return the order's price in ticks, or {@link PriceLadder#NULL_PRICE} if unknown.
     */
    public long orderPrice(final long orderId)
    {
        final long found = indexByOrderId.get(orderId);
        return MISSING == found ? PriceLadder.NULL_PRICE : records.getLong((int)found * RECORD_LENGTH + PRICE_OFFSET);
    }

    /**
     * @return orders currently held.
     */
    public int orderCount()
    {
        return maxOrders - freeCount;
    }

    /**
     * @return cancel, delete and execute events for orders the book did not know that anonymous size covered.
     */
    public long unknownOrderEventsAbsorbed()
    {
        return unknownOrderEventsAbsorbed;
    }

    /**
     * @return quantity those events took from anonymous size.
     */
    public long unknownOrderQuantityAbsorbed()
    {
        return unknownOrderQuantityAbsorbed;
    }

    /**
     * @return levels of L2 updates applied (NEW, CHANGE and DELETE statements).
     */
    public long levelsStated()
    {
        return levelsStated;
    }

    /**
     * @return levels removed by DELETE statements.
     */
    public long levelsDeleted()
    {
        return levelsDeleted;
    }

    /**
     * @return named orders forgotten with a level a DELETE statement removed.
     */
    public long ordersForgotten()
    {
        return ordersForgotten;
    }

    private boolean applyLevelStatement(final Side side, final L2Action action, final long price, final long quantity)
    {
        if ((Side.BUY != side && Side.SELL != side) || quantity < 0)
        {
            return stale(StaleReason.MALFORMED_MESSAGE);
        }

        final PriceLadder ladder = side(side);
        final long held = ladder.quantity(price);
        switch (action)
        {
            case NEW:
                if (0 != held)
                {
                    return stale(StaleReason.LEVEL_MISMATCH);
                }
                if (0 == quantity)
                {
                    return stale(StaleReason.MALFORMED_MESSAGE);
                }
                if (!addAnonymous(side, price, quantity))
                {
                    return stale(StaleReason.PRICE_OUT_OF_RANGE);
                }
                break;
            case CHANGE:
            {
                final long named = held - (0 == held ? 0 : ladder.anonymousAt(price));
                if (0 == held || quantity < named)
                {
                    return stale(StaleReason.LEVEL_MISMATCH);
                }
                if (0 == quantity)
                {
                    ladder.set(price, 0);
                }
                else
                {
                    ladder.anonymousAt(price, quantity - named);
                    ladder.add(price, quantity - held);
                }
                break;
            }
            case DELETE:
                if (0 == held)
                {
                    return stale(StaleReason.LEVEL_MISMATCH);
                }
                ordersForgotten += ladder.orderCountAt(price);
                releaseOrdersFrom(price, ladder.headAt(price));
                ladder.set(price, 0);
                levelsDeleted++;
                break;
            default:
                return stale(StaleReason.MALFORMED_MESSAGE);
        }
        levelsStated++;
        return true;
    }

    private boolean reduce(
        final long orderId, final Side side, final long price, final long quantity, final boolean isDelete)
    {
        if ((Side.BUY != side && Side.SELL != side) || quantity <= 0)
        {
            return stale(StaleReason.MALFORMED_MESSAGE);
        }

        final PriceLadder ladder = side(side);
        final long found = indexByOrderId.get(orderId);
        if (MISSING == found)
        {
            final long anonymous = ladder.inWindow(price) ? ladder.anonymousAt(price) : 0;
            if (anonymous < quantity)
            {
                return stale(StaleReason.UNKNOWN_ORDER_ID);
            }
            ladder.anonymousAt(price, anonymous - quantity);
            ladder.add(price, -quantity);
            unknownOrderEventsAbsorbed++;
            unknownOrderQuantityAbsorbed += quantity;
            return true;
        }

        final int index = (int)found;
        final int offset = index * RECORD_LENGTH;
        final long orderPrice = records.getLong(offset + PRICE_OFFSET);
        if (sideOf(offset) != side || orderPrice != price)
        {
            return stale(StaleReason.ORDER_MISMATCH);
        }

        final long remaining = records.getLong(offset + QUANTITY_OFFSET);
        if (quantity > remaining)
        {
            return stale(StaleReason.NEGATIVE_QUANTITY);
        }
        if (isDelete && quantity != remaining)
        {
            return stale(StaleReason.ORDER_MISMATCH);
        }

        if (quantity == remaining)
        {
            removeOrder(ladder, index, offset, price, remaining);
        }
        else
        {
            records.putLong(offset + QUANTITY_OFFSET, remaining - quantity);
            ladder.add(price, -quantity);
        }
        return true;
    }

    private void removeOrder(
        final PriceLadder ladder, final int index, final int offset, final long price, final long quantity)
    {
        unlink(ladder, index, offset, price);
        ladder.add(price, -quantity);
        indexByOrderId.remove(records.getLong(offset + ORDER_ID_OFFSET));
        freeIndices[freeCount++] = index;
    }

    private void linkAtTail(final PriceLadder ladder, final long price, final int index)
    {
        final int offset = index * RECORD_LENGTH;
        final int tail = ladder.tailAt(price);
        records.putInt(offset + PREV_OFFSET, tail);
        records.putInt(offset + NEXT_OFFSET, PriceLadder.NULL_INDEX);
        if (PriceLadder.NULL_INDEX == tail)
        {
            ladder.headAt(price, index);
        }
        else
        {
            records.putInt(tail * RECORD_LENGTH + NEXT_OFFSET, index);
        }
        ladder.tailAt(price, index);
        ladder.orderCountAt(price, ladder.orderCountAt(price) + 1);
    }

    private void unlink(final PriceLadder ladder, final int index, final int offset, final long price)
    {
        final int previous = records.getInt(offset + PREV_OFFSET);
        final int next = records.getInt(offset + NEXT_OFFSET);
        if (PriceLadder.NULL_INDEX == previous)
        {
            ladder.headAt(price, next);
        }
        else
        {
            records.putInt(previous * RECORD_LENGTH + NEXT_OFFSET, next);
        }

        if (PriceLadder.NULL_INDEX == next)
        {
            ladder.tailAt(price, previous);
        }
        else
        {
            records.putInt(next * RECORD_LENGTH + PREV_OFFSET, previous);
        }
        ladder.orderCountAt(price, ladder.orderCountAt(price) - 1);
    }

    private void releaseOrdersFrom(final long price, final int headIndex)
    {
        int index = headIndex;
        while (PriceLadder.NULL_INDEX != index)
        {
            final int offset = index * RECORD_LENGTH;
            indexByOrderId.remove(records.getLong(offset + ORDER_ID_OFFSET));
            freeIndices[freeCount++] = index;
            index = records.getInt(offset + NEXT_OFFSET);
        }
    }

    private void resetOrders()
    {
        indexByOrderId.clear();
        for (int i = 0; i < maxOrders; i++)
        {
            freeIndices[i] = maxOrders - 1 - i;
        }
        freeCount = maxOrders;
    }

    private Side sideOf(final int offset)
    {
        return BID == records.getByte(offset + SIDE_OFFSET) ? Side.BUY : Side.SELL;
    }

    private boolean stale(final StaleReason reason)
    {
        markStale(reason, eventSequence);
        return false;
    }
}
