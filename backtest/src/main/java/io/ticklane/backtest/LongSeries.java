package io.ticklane.backtest;

import java.util.Arrays;

/**
 * A growable array of {@code long}s for samples a backtest records on fills and on its sampling grid: appends never
 * box, and growth (doubling) happens only on those events, never per market event.
 */
public final class LongSeries
{
    private long[] values;
    private int size;

    /**
     * @param initialCapacity slots allocated up front (at least 1).
     */
    public LongSeries(final int initialCapacity)
    {
        values = new long[Math.max(1, initialCapacity)];
    }

    /**
     * @param value appended at the end.
     */
    public void add(final long value)
    {
        if (size == values.length)
        {
            values = Arrays.copyOf(values, values.length << 1);
        }
        values[size++] = value;
    }

    /**
     * @param index 0 ≤ index &lt; {@link #size()}.
     * @return the value at that index.
     */
    public long get(final int index)
    {
        if (index >= size)
        {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    /**
     * @return values held.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return a copy of the values held.
     */
    public long[] toArray()
    {
        return Arrays.copyOf(values, size);
    }
}
