package io.ticklane.orderbook;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One side of a book as a price-indexed ladder in off-heap memory: a window of {@code capacity} consecutive ticks,
 * each tick a fixed-size slot found by {@code price & (capacity - 1)}, so applying a level near the touch is O(1)
 * and nothing is allocated after construction.
 * <p>
 * The window follows the touch. A price better than the window moves it (deep levels that fall out of it are
 * dropped and counted in {@link #droppedLevels()}); a price deeper than the window moves it when the whole side
 * still fits, otherwise the level is refused and counted in {@link #refusedLevels()}. Either count being non-zero
 * means the side is no longer complete beyond {@code capacity} ticks from the touch: size the capacity for the
 * depth the strategy needs.
 * <p>
 * Each slot holds the level's total quantity plus what an order-by-order book needs: the part of that quantity not
 * attributed to known orders ({@link #anonymousQuantity(long)}), the number of known orders and the head and tail of
 * their FIFO. A plain L2 book leaves those fields at zero.
 * <p>
 * One file on purpose: a flyweight over one off-heap slot layout, whose window, best price and level count are one
 * invariant that every mutator (set, add, retain, window moves) keeps; split, each part would have to re-derive it.
 */
public final class PriceLadder
{
    /** Price returned when a side or level is empty. */
    public static final long NULL_PRICE = Long.MIN_VALUE;
    /** Record index meaning "no order". */
    public static final int NULL_INDEX = -1;

    static final int QUANTITY_OFFSET = 0;
    static final int ANONYMOUS_OFFSET = 8;
    static final int ORDER_COUNT_OFFSET = 16;
    static final int HEAD_OFFSET = 20;
    static final int TAIL_OFFSET = 24;
    static final int SLOT_LENGTH = 32;

    private final boolean isBid;
    private final int capacity;
    private final long mask;
    private final UnsafeBuffer slots;

    private long windowLow;
    private long bestPrice = NULL_PRICE;
    private int levelCount;
    private long droppedLevels;
    private long refusedLevels;
    private LevelRemovalListener removalListener;

    /**
     * Called when the ladder drops a level to move its window, so an order-by-order book can release the orders
     * resting there.
     */
    @FunctionalInterface
    public interface LevelRemovalListener
    {
        /**
         * @param price    price of the level being dropped.
         * @param headIndex first order record at the level, or {@link #NULL_INDEX}.
         */
        void onLevelDropped(long price, int headIndex);
    }

    /**
     * @param isBid    true for the bid side (best = highest price), false for the ask side (best = lowest).
     * @param capacity ticks the window spans, a power of two.
     */
    public PriceLadder(final boolean isBid, final int capacity)
    {
        if (!BitUtil.isPowerOfTwo(capacity) || capacity < 4)
        {
            throw new IllegalArgumentException("ladder capacity must be a power of two >= 4: " + capacity);
        }

        this.isBid = isBid;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.slots = new UnsafeBuffer(BufferUtil.allocateDirectAligned(capacity * SLOT_LENGTH, 64));
    }

    void removalListener(final LevelRemovalListener listener)
    {
        this.removalListener = listener;
    }

    /**
     * @return true when this is the bid side.
     */
    public boolean isBid()
    {
        return isBid;
    }

    /**
     * @return ticks the window spans.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return number of non-empty levels.
     */
    public int levelCount()
    {
        return levelCount;
    }

    /**
     * @return best price, or {@link #NULL_PRICE} when the side is empty.
     */
    public long bestPrice()
    {
        return bestPrice;
    }

    /**
     * @return quantity at the best price, 0 when the side is empty.
     */
    public long bestQuantity()
    {
        return NULL_PRICE == bestPrice ? 0 : slots.getLong(offset(bestPrice) + QUANTITY_OFFSET);
    }

    /**
     * @return levels dropped from the deep end because the window moved with the touch.
     */
    public long droppedLevels()
    {
        return droppedLevels;
    }

    /**
     * @return updates refused because their price was too deep to fit in the window with the touch.
     */
    public long refusedLevels()
    {
        return refusedLevels;
    }

    /**
     * @param price in ticks.
     * @return total quantity at the price, 0 if none.
     */
    public long quantity(final long price)
    {
        return inWindow(price) ? slots.getLong(offset(price) + QUANTITY_OFFSET) : 0;
    }

    /**
     * @param price in ticks.
     * @return quantity at the price not attributed to any known order.
     */
    public long anonymousQuantity(final long price)
    {
        return inWindow(price) ? slots.getLong(offset(price) + ANONYMOUS_OFFSET) : 0;
    }

    /**
     * @param price in ticks.
     * @return number of known orders at the price.
     */
    public int orderCount(final long price)
    {
        return inWindow(price) ? slots.getInt(offset(price) + ORDER_COUNT_OFFSET) : 0;
    }

    /**
     * Price of the level {@code level} places from the touch (0 = best). O(distance in ticks).
     *
     * @param level 0-based level.
     * @return the price, or {@link #NULL_PRICE} if the side has fewer levels.
     */
    public long priceAtLevel(final int level)
    {
        if (level >= levelCount || level < 0)
        {
            return NULL_PRICE;
        }

        final long step = isBid ? -1 : 1;
        long price = bestPrice;
        int seen = 0;
        while (true)
        {
            if (0 != slots.getLong(offset(price) + QUANTITY_OFFSET))
            {
                if (seen == level)
                {
                    return price;
                }
                seen++;
            }
            price += step;
        }
    }

    /**
     * Copies up to {@code maxLevels} levels from the touch into the caller's arrays, without allocating.
     *
     * @param prices     receives prices, best first.
     * @param quantities receives quantities.
     * @param maxLevels  most levels to copy.
     * @return number of levels copied.
     */
    public int levels(final long[] prices, final long[] quantities, final int maxLevels)
    {
        final int count = Math.min(maxLevels, levelCount);
        final long step = isBid ? -1 : 1;
        long price = bestPrice;
        int copied = 0;
        while (copied < count)
        {
            final long quantity = slots.getLong(offset(price) + QUANTITY_OFFSET);
            if (0 != quantity)
            {
                prices[copied] = price;
                quantities[copied] = quantity;
                copied++;
            }
            price += step;
        }
        return copied;
    }

    /**
     * Total quantity within {@code ticks} ticks of the touch, the touch included (ticks = 0 gives the best level).
     *
     * @param ticks distance from the best price.
     * @return summed quantity.
     */
    public long depthWithin(final int ticks)
    {
        if (NULL_PRICE == bestPrice)
        {
            return 0;
        }

        final long step = isBid ? -1 : 1;
        final long span = Math.min(ticks, capacity - 1);
        long total = 0;
        long price = bestPrice;
        for (long i = 0; i <= span && inWindow(price); i++)
        {
            total += slots.getLong(offset(price) + QUANTITY_OFFSET);
            price += step;
        }
        return total;
    }

    /**
     * Sets the absolute quantity of a level; 0 removes it.
     *
     * @param price    in ticks.
     * @param quantity absolute quantity, not negative.
     * @return false if the price was refused (too deep for the window); the level is then unchanged.
     */
    public boolean set(final long price, final long quantity)
    {
        if (0 == quantity && !inWindow(price))
        {
            return true; // removing a level the ladder does not hold
        }
        if (!makeRoom(price))
        {
            return false;
        }

        final int offset = offset(price);
        final long previous = slots.getLong(offset + QUANTITY_OFFSET);
        slots.putLong(offset + QUANTITY_OFFSET, quantity);
        onQuantityChanged(price, previous, quantity);
        return true;
    }

    /**
     * Adds to (or, with a negative delta, takes from) the quantity of a level. The caller ensures the result is not
     * negative.
     *
     * @param price in ticks.
     * @param delta change of quantity.
     * @return false if the price was refused (too deep for the window).
     */
    boolean add(final long price, final long delta)
    {
        if (0 == delta)
        {
            return true;
        }
        if (!makeRoom(price))
        {
            return false;
        }

        final int offset = offset(price);
        final long previous = slots.getLong(offset + QUANTITY_OFFSET);
        final long quantity = previous + delta;
        slots.putLong(offset + QUANTITY_OFFSET, quantity);
        onQuantityChanged(price, previous, quantity);
        return true;
    }

    /**
     * Removes every level beyond the first {@code maxLevels} from the touch.
     *
     * @param maxLevels levels to keep.
     * @return number of levels removed.
     */
    public int retainLevels(final int maxLevels)
    {
        if (levelCount <= maxLevels)
        {
            return 0;
        }

        final long step = isBid ? -1 : 1;
        long price = bestPrice;
        int kept = 0;
        int removed = 0;
        while (kept + removed < levelCount)
        {
            final int offset = offset(price);
            if (0 != slots.getLong(offset + QUANTITY_OFFSET))
            {
                if (kept < maxLevels)
                {
                    kept++;
                }
                else
                {
                    notifyRemoval(price, offset);
                    clearSlot(offset);
                    removed++;
                }
            }
            price += step;
        }
        levelCount = kept;
        if (0 == kept)
        {
            bestPrice = NULL_PRICE;
        }
        return removed;
    }

    /**
     * Empties the side. O(levels + window) only when levels are spread; used on snapshots, never per update.
     */
    public void clear()
    {
        slots.setMemory(0, capacity * SLOT_LENGTH, (byte)0);
        bestPrice = NULL_PRICE;
        levelCount = 0;
    }

    long anonymousAt(final long price)
    {
        return slots.getLong(offset(price) + ANONYMOUS_OFFSET);
    }

    void anonymousAt(final long price, final long quantity)
    {
        slots.putLong(offset(price) + ANONYMOUS_OFFSET, quantity);
    }

    int headAt(final long price)
    {
        return slots.getInt(offset(price) + HEAD_OFFSET) - 1;
    }

    int tailAt(final long price)
    {
        return slots.getInt(offset(price) + TAIL_OFFSET) - 1;
    }

    void headAt(final long price, final int index)
    {
        slots.putInt(offset(price) + HEAD_OFFSET, index + 1);
    }

    void tailAt(final long price, final int index)
    {
        slots.putInt(offset(price) + TAIL_OFFSET, index + 1);
    }

    void orderCountAt(final long price, final int count)
    {
        slots.putInt(offset(price) + ORDER_COUNT_OFFSET, count);
    }

    int orderCountAt(final long price)
    {
        return slots.getInt(offset(price) + ORDER_COUNT_OFFSET);
    }

    boolean inWindow(final long price)
    {
        return levelCount > 0 && price >= windowLow && price < windowLow + capacity;
    }

    private boolean isBetter(final long price, final long than)
    {
        return isBid ? price > than : price < than;
    }

    private int offset(final long price)
    {
        return (int)(price & mask) * SLOT_LENGTH;
    }

    private void onQuantityChanged(final long price, final long previous, final long quantity)
    {
        if (0 == previous && 0 != quantity)
        {
            levelCount++;
            if (NULL_PRICE == bestPrice || isBetter(price, bestPrice))
            {
                bestPrice = price;
            }
        }
        else if (0 != previous && 0 == quantity)
        {
            clearSlot(offset(price));
            levelCount--;
            if (price == bestPrice)
            {
                bestPrice = 0 == levelCount ? NULL_PRICE : nextLevelFrom(price);
            }
        }
    }

    private long nextLevelFrom(final long price)
    {
        final long step = isBid ? -1 : 1;
        long candidate = price + step;
        while (0 == slots.getLong(offset(candidate) + QUANTITY_OFFSET))
        {
            candidate += step;
        }
        return candidate;
    }

    /**
     * Moves the window, if needed, so that it holds {@code price}.
     *
     * @return false if the price cannot be held without dropping the touch: the update is refused.
     */
    private boolean makeRoom(final long price)
    {
        if (0 == levelCount)
        {
            windowLow = price - (capacity >> 1);
            return true;
        }

        if (price >= windowLow && price < windowLow + capacity)
        {
            return true;
        }

        if (isBetter(price, bestPrice))
        {
            // Move just far enough to hold the new touch at the window's edge: every deep level that still fits
            // is kept, and a touch that keeps improving moves the window one tick (one slot cleared) at a time.
            shiftWindow(isBid ? price - capacity + 1 : price);
            return true;
        }

        final long spread = isBid ? bestPrice - price : price - bestPrice;
        if (spread >= capacity)
        {
            refusedLevels++;
            return false;
        }

        // Deeper than the window but the whole side fits: move the window towards the deep end. The slots that
        // change meaning were beyond the touch, so they are empty.
        windowLow = isBid ? price : price - capacity + 1;
        return true;
    }

    private void shiftWindow(final long newLow)
    {
        final long oldLow = windowLow;
        final long oldHigh = oldLow + capacity;
        final long newHigh = newLow + capacity;

        // Prices held before but not after: they are at the deep end (the move is towards a better price).
        final long leaveFrom = Math.max(oldLow, isBid ? oldLow : newHigh);
        final long leaveTo = Math.min(oldHigh, isBid ? newLow : oldHigh);
        for (long price = leaveFrom; price < leaveTo; price++)
        {
            final int offset = offset(price);
            if (0 != slots.getLong(offset + QUANTITY_OFFSET))
            {
                notifyRemoval(price, offset);
                clearSlot(offset);
                levelCount--;
                droppedLevels++;
            }
        }

        windowLow = newLow;
        if (0 == levelCount)
        {
            bestPrice = NULL_PRICE;
        }
    }

    private void notifyRemoval(final long price, final int offset)
    {
        if (null != removalListener)
        {
            removalListener.onLevelDropped(price, slots.getInt(offset + HEAD_OFFSET) - 1);
        }
    }

    private void clearSlot(final int offset)
    {
        slots.putLong(offset + QUANTITY_OFFSET, 0);
        slots.putLong(offset + ANONYMOUS_OFFSET, 0);
        slots.putLong(offset + ORDER_COUNT_OFFSET, 0);
        slots.putLong(offset + TAIL_OFFSET, 0);
    }
}
