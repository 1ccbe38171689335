package io.ticklane.backtest;

import java.util.Arrays;

/**
 * A growable array of {@code double}s, the companion of {@link LongSeries} for sampled equity: appends never box,
 * and growth happens only on the events that record samples.
 */
public final class DoubleSeries
{
    private double[] values;
    private int size;

    /**
     * @param initialCapacity slots allocated up front (at least 1).
     */
    public DoubleSeries(final int initialCapacity)
    {
        values = new double[Math.max(1, initialCapacity)];
    }

    /**
     * @param value appended at the end.
     */
    public void add(final double value)
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
    public double get(final int index)
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
    public double[] toArray()
    {
        return Arrays.copyOf(values, size);
    }
}
