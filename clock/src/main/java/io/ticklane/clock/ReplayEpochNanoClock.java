package io.ticklane.clock;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock whose time comes only from the records being processed, so a replay of a journal sees exactly the
 * times the live run saw. Time never moves backwards: an out-of-order timestamp is refused and counted instead.
 * <p>
 * Single writer: owned by the thread that processes events. Nothing allocates and nothing throws.
 */
public final class ReplayEpochNanoClock implements EpochNanoClock
{
    private long timeNs;
    private long regressionCount;
    private long maxRegressionNs;

    /**
     * A clock that starts at the given time, typically the first record's timestamp or zero.
     *
     * @param initialTimeNs epoch nanoseconds the clock reads until the first update.
     */
    public ReplayEpochNanoClock(final long initialTimeNs)
    {
        this.timeNs = initialTimeNs;
    }

    /**
     * Moves the clock to an event's timestamp.
     *
     * @param eventTimeNs the event's epoch nanoseconds.
     * @return true if the clock now reads {@code eventTimeNs} (it moved forward or stayed), false if the timestamp
     * was earlier than the current time: the clock is unchanged and the regression is counted.
     */
    public boolean update(final long eventTimeNs)
    {
        if (eventTimeNs < timeNs)
        {
            final long difference = timeNs - eventTimeNs;
            final long regressionNs = difference > 0 ? difference : Long.MAX_VALUE;
            regressionCount++;
            if (regressionNs > maxRegressionNs)
            {
                maxRegressionNs = regressionNs;
            }
            return false;
        }

        timeNs = eventTimeNs;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return timeNs;
    }

    /**
     * How many updates were refused because they would have moved time backwards.
     *
     * @return count of refused updates since construction.
     */
    public long regressionCount()
    {
        return regressionCount;
    }

    /**
     * The largest backwards step refused so far, to tell jitter of a few nanoseconds from a broken feed.
     *
     * @return nanoseconds, zero if no update was refused.
     */
    public long maxRegressionNs()
    {
        return maxRegressionNs;
    }

    public String toString()
    {
        return "ReplayEpochNanoClock{timeNs=" + timeNs +
            ", regressionCount=" + regressionCount +
            ", maxRegressionNs=" + maxRegressionNs + '}';
    }
}
