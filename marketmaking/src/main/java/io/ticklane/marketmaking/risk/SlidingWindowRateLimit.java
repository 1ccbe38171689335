package io.ticklane.marketmaking.risk;

/**
 * At most N events in any sliding window of event time, kept as a preallocated ring of the last N accepted
 * timestamps: an event at time t is allowed when fewer than N accepted events lie in (t − window, t], that is when
 * the ring is not yet full or its oldest entry is at least one window old. Constant time, no allocation.
 * <p>
 * Time going backwards (out-of-order events) is treated conservatively: an entry "in the future" counts as inside
 * the window.
 */
final class SlidingWindowRateLimit
{
    private final long[] acceptedNs;
    private final long windowNs;
    private int count;
    private int oldest;

    SlidingWindowRateLimit(final int maxEvents, final long windowNs)
    {
        this.acceptedNs = new long[maxEvents];
        this.windowNs = windowNs;
    }

    /**
     * @param timeNs event time.
     * @return true if one more event at this time stays within the limit.
     */
    boolean allows(final long timeNs)
    {
        return count < acceptedNs.length || timeNs - acceptedNs[oldest] >= windowNs;
    }

    /**
     * Records an event that was allowed and is being sent.
     *
     * @param timeNs event time.
     */
    void record(final long timeNs)
    {
        if (count < acceptedNs.length)
        {
            acceptedNs[(oldest + count) % acceptedNs.length] = timeNs;
            count++;
        }
        else
        {
            acceptedNs[oldest] = timeNs;
            oldest = (oldest + 1) % acceptedNs.length;
        }
    }
}
