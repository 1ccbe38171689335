package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Log return of the mid over a trailing calendar horizon h: {@code ln(mid(t) / mid(t - h))}, dimensionless, where
 * {@code mid(t - h)} is the mid in force at {@code t - h}: the last mid observed at or before that time (the mid is
 * a step function of event time). The calendar-time return used for volatility scaling and short-horizon alpha.
 * <p>
 * Implementation: a ring of {@code (timeNs, mid)} pairs recorded only when the mid changes (unchanged mids add
 * nothing, so the ring holds change points), and an anchor index that moves forward to the last change point at or
 * before {@code t - h}. Amortised O(1) per event; times come only from {@link MarketEvent#timeNs()}.
 * <p>
 * Warm-up and honesty: NaN until the history covers the horizon (the first mid seen is at or before {@code t - h}).
 * If the ring is too small ({@code max_samples} change points within one horizon), the oldest change point is
 * overwritten and the mid at {@code t - h} is unknown; the factor then returns NaN and counts the event in
 * {@link #eventsWithoutHorizon()} until the history covers the horizon again. It never answers with a shorter
 * horizon. A time that steps backwards past the anchor likewise gives NaN. NaN when either mid is not positive.
 * One-sided books are passed over.
 */
public final class ReturnOverTime extends Factor
{
    private final Touch touch = new Touch();
    private final long horizonNs;
    private final long[] times;
    private final double[] mids;
    private final int mask;
    private long head;
    private long tail;
    private long eventsWithoutHorizon;
    private long lastDroppedTimeNs = Long.MIN_VALUE;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param horizonNs  h in nanoseconds, positive.
     * @param maxSamples change points the ring holds; rounded up to a power of two, at least 2.
     */
    public ReturnOverTime(final String id, final long horizonNs, final int maxSamples)
    {
        super(id);
        if (horizonNs <= 0)
        {
            throw new IllegalArgumentException("factor '" + id + "': horizon must be positive, got " + horizonNs + " ns");
        }
        if (maxSamples < 2 || maxSamples > 1 << 24)
        {
            throw new IllegalArgumentException("factor '" + id + "': max_samples must be in [2, 2^24], got " + maxSamples);
        }
        final int capacity = Integer.highestOneBit(maxSamples - 1) << 1;
        this.horizonNs = horizonNs;
        this.times = new long[capacity];
        this.mids = new double[capacity];
        this.mask = capacity - 1;
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            return;
        }
        if (!touch.read(event.book()))
        {
            return;
        }
        final long timeNs = event.timeNs();
        final double mid = 0.5 * touch.twiceMid();
        if (head == tail || mids[(int)((head - 1) & mask)] != mid)
        {
            if (head - tail == times.length)
            {
                lastDroppedTimeNs = times[(int)(tail & mask)]; // lost: mid(t - h) may now be unknown
                tail++;
            }
            times[(int)(head & mask)] = timeNs;
            mids[(int)(head & mask)] = mid;
            head++;
        }

        final long cutoff = timeNs - horizonNs;
        while (head - tail > 1 && times[(int)((tail + 1) & mask)] <= cutoff)
        {
            tail++; // keep only the last change point at or before the cutoff, and everything after it
        }
        final long anchorTime = times[(int)(tail & mask)];
        if (anchorTime > cutoff)
        {
            if (Long.MIN_VALUE != lastDroppedTimeNs && lastDroppedTimeNs <= cutoff)
            {
                // the dropped change point would have answered: the ring is too small for the horizon
                eventsWithoutHorizon++;
            }
            value = Double.NaN;
            return;
        }
        final double old = mids[(int)(tail & mask)];
        value = mid > 0 && old > 0 ? Math.log(mid / old) : Double.NaN;
    }

    public double value()
    {
        return value;
    }

    /**
     * @return events that returned NaN because the ring had overwritten the change point in force at {@code t - h}
     *         (raise {@code max_samples}).
     */
    public long eventsWithoutHorizon()
    {
        return eventsWithoutHorizon;
    }
}
