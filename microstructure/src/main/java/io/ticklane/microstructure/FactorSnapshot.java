package io.ticklane.microstructure;

import java.util.List;

/**
 * The values of every configured factor after the latest event, in preallocated arrays, each stamped with the time
 * of the event that last changed it. The quoter resolves the factors it needs to indices once, at start, then reads
 * doubles: no lookups, no boxing on the hot path.
 */
public final class FactorSnapshot
{
    private final String[] ids;
    private final double[] values;
    private final long[] updatedAtNs;
    private long eventTimeNs;
    private long events;

    FactorSnapshot(final List<String> ids)
    {
        this.ids = ids.toArray(new String[0]);
        this.values = new double[ids.size()];
        this.updatedAtNs = new long[ids.size()];
        java.util.Arrays.fill(values, Double.NaN);
    }

    /**
     * @return number of factors.
     */
    public int size()
    {
        return ids.length;
    }

    /**
     * @param id factor id.
     * @return its index, for fast reads.
     * @throws IllegalArgumentException if no factor has that id (a configuration error, found at start).
     */
    public int indexOf(final String id)
    {
        for (int i = 0; i < ids.length; i++)
        {
            if (ids[i].equals(id))
            {
                return i;
            }
        }
        throw new IllegalArgumentException("no factor '" + id + "' configured; configured: " + String.join(",", ids));
    }

    /**
     * @param index factor index.
     * @return its id.
     */
    public String id(final int index)
    {
        return ids[index];
    }

    /**
     * @param index factor index.
     * @return its value after the latest event, NaN while warming up.
     */
    public double value(final int index)
    {
        return values[index];
    }

    /**
     * @param index factor index.
     * @return event time at which the value last changed, epoch ns (0 if never).
     */
    public long updatedAtNs(final int index)
    {
        return updatedAtNs[index];
    }

    /**
     * @return time of the latest event applied.
     */
    public long eventTimeNs()
    {
        return eventTimeNs;
    }

    /**
     * @return events applied (BOOK and TRADE).
     */
    public long events()
    {
        return events;
    }

    void update(final int index, final double value, final long timeNs)
    {
        if (Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(values[index]))
        {
            values[index] = value;
            updatedAtNs[index] = timeNs;
        }
    }

    void onEventApplied(final long timeNs)
    {
        eventTimeNs = timeNs;
        events++;
    }
}
