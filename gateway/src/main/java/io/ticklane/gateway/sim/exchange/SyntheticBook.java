package io.ticklane.gateway.sim.exchange;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.Side;

/**
 * The synthetic market's own L2 book: per side a ring of quantities indexed by {@code price & (window - 1)}, with the
 * side's highest and lowest non-empty price, level count and depth. Each side spans less than {@code window} ticks
 * (adding a level beyond that first deletes the far end), so the ring never aliases two live prices. Every level
 * change of the current event is staged, to go out as one L2Update.
 */
final class SyntheticBook
{
    private final int window;
    private final int mask;

    private final long[] bidQuantity;
    private final long[] askQuantity;
    private long bidHigh;
    private long bidLow;
    private int bidLevels;
    private long bidDepth;
    private long askHigh;
    private long askLow;
    private int askLevels;
    private long askDepth;

    private final boolean[] stagedBid;
    private final long[] stagedPrice;
    private final long[] stagedQuantity;
    private final L2Action[] stagedAction;
    private int stagedCount;

    /**
     * @param window span of a side in ticks, a power of two.
     */
    SyntheticBook(final int window)
    {
        this.window = window;
        mask = window - 1;
        bidQuantity = new long[window];
        askQuantity = new long[window];
        stagedBid = new boolean[window + 1];
        stagedPrice = new long[window + 1];
        stagedQuantity = new long[window + 1];
        stagedAction = new L2Action[window + 1];
    }

    /**
     * @return best bid, ticks (the last one when the side is empty).
     */
    long bestBid()
    {
        return bidHigh;
    }

    /**
     * @return best ask, ticks (the last one when the side is empty).
     */
    long bestAsk()
    {
        return askLow;
    }

    int levels(final boolean bid)
    {
        return bid ? bidLevels : askLevels;
    }

    long depth(final boolean bid)
    {
        return bid ? bidDepth : askDepth;
    }

    /**
     * @return resting lots at that price, 0 outside the side's range.
     */
    long quantity(final boolean bid, final long price)
    {
        if (bid)
        {
            return bidLevels > 0 && price >= bidLow && price <= bidHigh ? bidQuantity[slot(price)] : 0;
        }
        return askLevels > 0 && price >= askLow && price <= askHigh ? askQuantity[slot(price)] : 0;
    }

    /**
     * @param price a price inside the side's range.
     * @return resting lots there.
     */
    long quantityInRange(final boolean bid, final long price)
    {
        return (bid ? bidQuantity : askQuantity)[slot(price)];
    }

    /**
     * @param lot index of a resting lot counted from the touch, in [0, depth).
     * @return the price of the level holding it.
     */
    long priceOfLot(final boolean bid, final long lot)
    {
        final long[] quantities = bid ? bidQuantity : askQuantity;
        long left = lot;
        long price = bid ? bidHigh : askLow;
        final long step = bid ? -1 : 1;
        while (true)
        {
            final long quantity = quantities[slot(price)];
            if (left < quantity)
            {
                return price;
            }
            left -= quantity;
            price += step;
        }
    }

    /**
     * Forgets the staged changes: a new event starts.
     */
    void clearStaged()
    {
        stagedCount = 0;
    }

    /**
     * Adds lots at a price, first deleting the side's far levels if the price would stretch it to the window.
     */
    void addLevel(final boolean bid, final long price, final long lots)
    {
        if (bid ? bidLevels > 0 : askLevels > 0)
        {
            // Keep the side's span below the window: delete from the end farther from the new price.
            while (bid ? bidLevels > 0 : askLevels > 0)
            {
                final long high = bid ? bidHigh : askHigh;
                final long low = bid ? bidLow : askLow;
                if (Math.max(high, price) - Math.min(low, price) < window)
                {
                    break;
                }
                setLevel(bid, price > high ? low : high, 0);
            }
        }
        final long[] quantities = bid ? bidQuantity : askQuantity;
        final long before = (bid ? bidLevels : askLevels) > 0 && inRange(bid, price) ? quantities[slot(price)] : 0;
        setLevel(bid, price, before + lots);
    }

    /**
     * Sets a level's absolute quantity, keeps the side's range, levels and depth, and stages the change.
     */
    void setLevel(final boolean bid, final long price, final long quantity)
    {
        final long[] quantities = bid ? bidQuantity : askQuantity;
        final int levels = bid ? bidLevels : askLevels;
        final boolean known = levels > 0 && inRange(bid, price);
        final long before = known ? quantities[slot(price)] : 0;
        quantities[slot(price)] = quantity;

        int newLevels = levels;
        long high = bid ? bidHigh : askHigh;
        long low = bid ? bidLow : askLow;
        final L2Action action;
        if (0 == before)
        {
            action = L2Action.NEW;
            newLevels++;
            if (0 == levels)
            {
                high = price;
                low = price;
            }
            else
            {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
        }
        else if (0 == quantity)
        {
            action = L2Action.DELETE;
            newLevels--;
            if (0 == newLevels)
            {
                high = price;
                low = price;
            }
            else if (price == high)
            {
                do
                {
                    high--;
                }
                while (0 == quantities[slot(high)]);
            }
            else if (price == low)
            {
                do
                {
                    low++;
                }
                while (0 == quantities[slot(low)]);
            }
        }
        else
        {
            action = L2Action.CHANGE;
        }

        if (bid)
        {
            bidLevels = newLevels;
            bidHigh = high;
            bidLow = low;
            bidDepth += quantity - before;
        }
        else
        {
            askLevels = newLevels;
            askHigh = high;
            askLow = low;
            askDepth += quantity - before;
        }

        final int at = stagedCount++;
        stagedBid[at] = bid;
        stagedPrice[at] = price;
        stagedQuantity[at] = quantity;
        stagedAction[at] = action;
    }

    /**
     * Writes every level, bids best first then asks best first, as the snapshot's level group.
     */
    void writeLevels(final L2SnapshotEncoder snapshot)
    {
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(bidLevels + askLevels);
        for (long price = bidHigh, left = bidLevels; left > 0; price--)
        {
            final long quantity = bidQuantity[slot(price)];
            if (0 != quantity)
            {
                levels.next().side(Side.BUY).price(price).quantity(quantity);
                left--;
            }
        }
        for (long price = askLow, left = askLevels; left > 0; price++)
        {
            final long quantity = askQuantity[slot(price)];
            if (0 != quantity)
            {
                levels.next().side(Side.SELL).price(price).quantity(quantity);
                left--;
            }
        }
    }

    /**
     * Writes the staged changes, in the order they were made, as the update's level group.
     */
    void writeStaged(final L2UpdateEncoder update)
    {
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(stagedCount);
        for (int i = 0; i < stagedCount; i++)
        {
            levels.next()
                .side(stagedBid[i] ? Side.BUY : Side.SELL)
                .action(stagedAction[i])
                .price(stagedPrice[i])
                .quantity(stagedQuantity[i]);
        }
    }

    private boolean inRange(final boolean bid, final long price)
    {
        return bid ? price >= bidLow && price <= bidHigh : price >= askLow && price <= askHigh;
    }

    private int slot(final long price)
    {
        return (int)(price & mask);
    }
}
