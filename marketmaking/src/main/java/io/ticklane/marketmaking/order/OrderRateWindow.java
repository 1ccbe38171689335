package io.ticklane.marketmaking.order;

/**
 * Counts order actions in a sliding one-second window of event time, so the quote manager stays under a venue's
 * orders-per-second limit. A ring of the last send times, sized at construction: an action at time t is in the
 * window while t &gt; now − 1 s.
 * <p>
 * Requests that must go regardless (cancels) are recorded with {@link #record(long)} even when the window is full;
 * the ring keeps twice the limit so they still count against later actions.
 */
public final class OrderRateWindow
{
    private static final long WINDOW_NS = 1_000_000_000L;

    private final int limit;
    private final long[] times;
    private int head;
    private int count;

    /**
     * @param limit most throttled actions in any one second, at least 1.
     */
    public OrderRateWindow(final int limit)
    {
        if (limit < 1)
        {
            throw new IllegalArgumentException("orders per second must be at least 1, got " + limit);
        }
        this.limit = limit;
        times = new long[2 * limit];
    }

    /**
     * @param timeNs event time.
     * @return true if one more throttled action fits in the window ending at {@code timeNs}.
     */
    public boolean hasRoom(final long timeNs)
    {
        return count(timeNs) < limit;
    }

    /**
     * Records an action sent at {@code timeNs} (times must not go backwards).
     *
     * @param timeNs event time.
     */
    public void record(final long timeNs)
    {
        count(timeNs);
        if (count == times.length)
        {
            head = (head + 1) % times.length; // full of cancels: the oldest drops out, the window stays saturated
            count--;
        }
        times[(head + count) % times.length] = timeNs;
        count++;
    }

    /**
     * @param timeNs event time.
     * @return actions in the window ending at {@code timeNs}.
     */
    public int count(final long timeNs)
    {
        while (count > 0 && times[head] <= timeNs - WINDOW_NS)
        {
            head = (head + 1) % times.length;
            count--;
        }
        return count;
    }

    /**
     * @return most throttled actions per second.
     */
    public int limit()
    {
        return limit;
    }
}
