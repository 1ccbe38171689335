package io.ticklane.journal.reader.binance;

import java.util.Arrays;

/**
 * One side of a depth message as parallel primitive arrays (price ticks, quantity lots), reused from line to
 * line so parsing a depth update allocates nothing once the arrays have grown to the largest update seen.
 */
final class Levels
{
    private long[] prices = new long[64];
    private long[] quantities = new long[64];
    private int size;

    void clear()
    {
        size = 0;
    }

    void add(final long price, final long quantity)
    {
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
        }
        prices[size] = price;
        quantities[size] = quantity;
        size++;
    }

    void copyFrom(final Levels other)
    {
        clear();
        for (int i = 0; i < other.size; i++)
        {
            add(other.prices[i], other.quantities[i]);
        }
    }

    int size()
    {
        return size;
    }

    long price(final int index)
    {
        return prices[index];
    }

    long quantity(final int index)
    {
        return quantities[index];
    }

    int countPositive()
    {
        int count = 0;
        for (int i = 0; i < size; i++)
        {
            if (quantities[i] > 0)
            {
                count++;
            }
        }
        return count;
    }
}
