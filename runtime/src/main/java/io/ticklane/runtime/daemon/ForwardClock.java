package io.ticklane.runtime.daemon;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The daemon's time as one agent reads it: the configured epoch clock, except that it never goes back. A clock that
 * steps back (a wall clock set back, a re-sampled offset) is absorbed: time goes on from where it was, at the clock's
 * rate, a step ahead of it from then on; a step forward passes through. Time enters the pipeline only through the
 * receiver's stamps, and before, a step back froze it for as long as the step: the factor engine holds event time at
 * its latest, so the quote manager's rate window saw no time pass and stopped quoting, the receiver's next timer tick
 * and the sender's next heartbeat lay that far in the future. The rate windows themselves take time as frames give it
 * (a backtest mixes exchange and receive times, which may differ by seconds), so the step is absorbed here, once.
 * <p>
 * One instance per agent thread (no state is shared): the receiver's and the order sender's absorb the same step
 * within the time between their reads. Allocation-free.
 */
final class ForwardClock implements EpochNanoClock
{
    /** A step back longer than this is counted; shorter ones (a wall clock's jitter) are only absorbed. */
    static final long COUNTED_STEP_NS = 1_000_000L;

    private final EpochNanoClock clock;
    private final AtomicCounter stepsBack;
    private long aheadNs;
    private long lastNs = Long.MIN_VALUE;

    /**
     * @param clock     the configured clock.
     * @param stepsBack counts the steps back absorbed, or null for none.
     */
    ForwardClock(final EpochNanoClock clock, final AtomicCounter stepsBack)
    {
        this.clock = clock;
        this.stepsBack = stepsBack;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        final long nowNs = clock.nanoTime() + aheadNs;
        if (nowNs < lastNs)
        {
            final long stepNs = lastNs - nowNs;
            aheadNs += stepNs;
            if (null != stepsBack && stepNs > COUNTED_STEP_NS)
            {
                stepsBack.incrementRelease();
            }
            return lastNs;
        }
        lastNs = nowNs;
        return nowNs;
    }
}
