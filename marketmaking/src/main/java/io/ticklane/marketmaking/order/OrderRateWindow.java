package io.ticklane.marketmaking.order;

/**
 * Counts order actions in a sliding one-second window of event time, so the quote manager stays under a venue's
 * orders-per-second limit. A ring of the last send times, sized at construction: an action at time t is in the
 * window while t &gt; now − 1 s.
 * <p>
 * Requests that must go regardless (cancels) are recorded with {@link #record(long)} even when the window is full;
 * the ring keeps twice the limit so they still count against later actions.
 * <p>
 * Time going back by less than the window (events slightly out of order) leaves the entries where they are: one in
 * the future counts as inside the window. Going back by more is the clock stepping back, and every entry moves back
 * with it, keeping its spacing: left in the future, the entries would hold the window full until the clock caught
 * up, and a quote manager throttled by its own cancels would stop quoting for that long (for good, behind a forged
 * far-future timestamp).
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
     * Records an action sent at {@code timeNs}.
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
        if (count > 0)
        {
            final long stepBackNs = times[(head + count - 1) % times.length] - timeNs;
            if (stepBackNs > WINDOW_NS)
            {
                for (int i = 0; i < count; i++)
                {
                    times[(head + i) % times.length] -= stepBackNs;
                }
            }
        }
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
