package io.ticklane.gateway.feed.kraken;

/**
 * One side of the depth-limited book, best level first (asks ascending, bids descending), in preallocated arrays
 * holding at most the subscribed depth. Each level keeps its price and volume on the pair's grid (for ordering and
 * for the SBE frames) and, for the checksum, the digits exactly as Kraken last sent them ({@link KrakenDecimal#digits}).
 * <p>
 * Kraken's rule is applied level by level: after an insert the side is cut back to the depth, and the level that
 * falls off is remembered so the caller can tell the receivers it is gone ({@link #truncatedPrice()}); a later delete
 * inside the depth does not bring it back: only the venue can, by (re)publishing it.
 */
final class KrakenBookSide
{
    /** {@link #apply} outcome: a new level entered the book. */
    static final int INSERTED = 1;
    /** {@link #apply} outcome: an existing level got a new volume. */
    static final int CHANGED = 2;
    /** {@link #apply} outcome: an existing level was removed (volume 0). */
    static final int DELETED = 3;
    /** {@link #apply} outcome: volume 0 for a price the book does not hold: nothing to do. */
    static final int DELETE_OF_ABSENT_LEVEL = 4;
    /** {@link #apply} outcome: a new level worse than every level of a full side: beyond the depth, not kept. */
    static final int BEYOND_DEPTH = 5;
    /** {@link #truncatedPrice()} when the last insert pushed nothing out. */
    static final long NO_PRICE = Long.MIN_VALUE;

    private final boolean ascending;
    private final int depth;
    private final long[] prices;
    private final long[] volumes;
    private final long[] priceDigits;
    private final long[] volumeDigits;
    private int size;
    private long truncatedPrice = NO_PRICE;
    private long truncatedVolume;

    KrakenBookSide(final boolean ascending, final int depth)
    {
        this.ascending = ascending;
        this.depth = depth;
        prices = new long[depth + 1];
        volumes = new long[depth + 1];
        priceDigits = new long[depth + 1];
        volumeDigits = new long[depth + 1];
    }

    void clear()
    {
        size = 0;
        truncatedPrice = NO_PRICE;
    }

    /**
     * Applies one level: volume 0 deletes, otherwise the level is set (inserted in order when new), then the side is
     * truncated to the depth.
     *
     * @param price on the grid, not negative.
     * @param volume on the grid, 0 to delete.
     * @param priceText price digits as sent, for the checksum.
     * @param volumeText volume digits as sent, for the checksum.
     * @return {@link #INSERTED}, {@link #CHANGED}, {@link #DELETED}, {@link #DELETE_OF_ABSENT_LEVEL} or
     *     {@link #BEYOND_DEPTH}; after {@link #INSERTED}, {@link #truncatedPrice()} says which level fell off, if any.
     */
    int apply(final long price, final long volume, final long priceText, final long volumeText)
    {
        truncatedPrice = NO_PRICE;
        final int found = search(price);
        if (found >= 0)
        {
            if (0 == volume)
            {
                System.arraycopy(prices, found + 1, prices, found, size - found - 1);
                System.arraycopy(volumes, found + 1, volumes, found, size - found - 1);
                System.arraycopy(priceDigits, found + 1, priceDigits, found, size - found - 1);
                System.arraycopy(volumeDigits, found + 1, volumeDigits, found, size - found - 1);
                size--;
                return DELETED;
            }
            volumes[found] = volume;
            priceDigits[found] = priceText;
            volumeDigits[found] = volumeText;
            return CHANGED;
        }
        if (0 == volume)
        {
            return DELETE_OF_ABSENT_LEVEL;
        }
        final int at = -found - 1;
        if (at >= depth)
        {
            return BEYOND_DEPTH;
        }
        System.arraycopy(prices, at, prices, at + 1, size - at);
        System.arraycopy(volumes, at, volumes, at + 1, size - at);
        System.arraycopy(priceDigits, at, priceDigits, at + 1, size - at);
        System.arraycopy(volumeDigits, at, volumeDigits, at + 1, size - at);
        prices[at] = price;
        volumes[at] = volume;
        priceDigits[at] = priceText;
        volumeDigits[at] = volumeText;
        size++;
        if (size > depth)
        {
            size = depth;
            truncatedPrice = prices[depth];
            truncatedVolume = volumes[depth];
        }
        return INSERTED;
    }

    /**
     * @return price of the level the last {@link #apply} pushed beyond the depth, or {@link #NO_PRICE}.
     */
    long truncatedPrice()
    {
        return truncatedPrice;
    }

    /**
     * @return volume the truncated level held (meaningful only when {@link #truncatedPrice()} is a price).
     */
    long truncatedVolume()
    {
        return truncatedVolume;
    }

    int size()
    {
        return size;
    }

    long price(final int index)
    {
        return prices[index];
    }

    long volume(final int index)
    {
        return volumes[index];
    }

    long priceDigits(final int index)
    {
        return priceDigits[index];
    }

    long volumeDigits(final int index)
    {
        return volumeDigits[index];
    }

    /**
     * Binary search in best-first order.
     *
     * @return the index of {@code price}, or {@code -(insertion point) - 1}.
     */
    private int search(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price)
            {
                return mid;
            }
            final boolean midIsBetter = ascending ? midPrice < price : midPrice > price;
            if (midIsBetter)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
