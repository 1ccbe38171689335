package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Touch;
import io.ticklane.orderbook.OrderBook;

/**
 * Fixed time intervals, aligned to multiples of their length in epoch time, with the mid at each one's start and end:
 * the bucketing that {@link AmihudIlliquidity} and {@link KyleLambda} both regress or average over. The mid at an
 * interval's end is the mid after the last event before the boundary and is the next interval's start; the interval
 * in which the first two-sided book is seen is partial; an interval closes at the first event at or after its end.
 * <p>
 * The factor drives it and keeps its own flow sums, so no callback sits in the per-event path:
 * <pre>
 *   if (intervals.closes(timeNs)) { read {@link #complete()}, the mids, {@link #skipped()}; then {@link #roll()} }
 *   intervals.observe(book, timeNs);
 *   if (intervals.started() &amp;&amp; trade) { add to the flow }
 * </pre>
 */
final class MidIntervals
{
    private final Touch touch = new Touch();
    private final long intervalNs;

    private boolean started;
    private boolean partial;
    private long intervalIndex;
    private long nextIndex;
    private boolean startValid;
    private long startTwiceMid;
    private boolean lastValid;
    private long lastTwiceMid;

    /**
     * @param intervalNs interval length, positive.
     */
    MidIntervals(final long intervalNs)
    {
        this.intervalNs = intervalNs;
    }

    /**
     * Call first on each event.
     *
     * @param timeNs the event's time.
     * @return true when the event lies past the current interval: the caller reads that interval, then calls
     * {@link #roll()}.
     */
    boolean closes(final long timeNs)
    {
        if (started)
        {
            final long index = Math.floorDiv(timeNs, intervalNs);
            if (index > intervalIndex)
            {
                nextIndex = index;
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when the closing interval is whole and has a mid at both ends.
     */
    boolean complete()
    {
        return !partial && startValid && lastValid;
    }

    /**
     * @return true when the book was two-sided at the closing interval's end.
     */
    boolean endValid()
    {
        return lastValid;
    }

    /**
     * @return mid at the closing interval's start, half ticks.
     */
    long startTwiceMid()
    {
        return startTwiceMid;
    }

    /**
     * @return mid at the closing interval's end, half ticks.
     */
    long endTwiceMid()
    {
        return lastTwiceMid;
    }

    /**
     * @return whole intervals with no event at all between the closing interval and the event that closed it.
     */
    long skipped()
    {
        return nextIndex - intervalIndex - 1;
    }

    /**
     * Starts the interval of the event that closed the last one, from the closing interval's end mid.
     */
    void roll()
    {
        partial = false;
        intervalIndex = nextIndex;
        startValid = lastValid;
        startTwiceMid = lastTwiceMid;
    }

    /**
     * Records the mid after the event; the first two-sided book starts the (partial) first interval.
     *
     * @param book   the book after the event.
     * @param timeNs the event's time.
     */
    void observe(final OrderBook book, final long timeNs)
    {
        lastValid = touch.read(book);
        if (lastValid)
        {
            lastTwiceMid = touch.twiceMid();
            if (!started)
            {
                started = true;
                partial = true;
                intervalIndex = Math.floorDiv(timeNs, intervalNs);
            }
        }
    }

    /**
     * @return true once a two-sided book has been seen: from then on trades count towards an interval.
     */
    boolean started()
    {
        return started;
    }
}
