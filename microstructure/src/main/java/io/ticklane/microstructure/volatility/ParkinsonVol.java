package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Parkinson's range estimator of the mid's volatility over fixed time windows, in log-return per square-root second:
 * for a Brownian log-price the high–low range carries about five times the information of the close-to-close return
 * over the same interval, so a useful σ comes from few windows.
 * <p>
 * Each window of length w seconds, aligned to multiples of w in epoch time, has the high H and low L of the mid;
 * then (Parkinson 1980, "The Extreme Value Method for Estimating the Variance of the Rate of Return", J. Business
 * 53(1), eq. for the extreme-value variance):
 * <pre>
 *   σ²<sub>window</sub> = (ln(H / L))² / (4 ln 2)                     (variance of the log-return over the window)
 *   σ = √( mean of σ²<sub>window</sub> over the last K completed windows / w )          per √s
 * </pre>
 * <p>
 * Definition choices: the mid (ticks, both sides present) is a step function, so a window's range includes the mid
 * carried in from before the window starts, then every mid seen in it. A window with no event has H = L (range 0)
 * and counts as a window with no movement. The window in which the factor first sees a mid is partial and is not
 * used. A window closes at the first event at or after its end. Sampling the path only at events biases the range
 * low (for a Brownian path seen at n points per window by about 0.58·σ√(w/n) per extreme; Broadie, Glasserman &amp;
 * Kou 1997); no correction is applied. The mean is a running sum re-added from the ring once per K windows.
 * <p>
 * Warm-up: NaN until K windows have completed.
 */
public final class ParkinsonVol extends Factor
{
    private static final double FOUR_LN_2 = 4.0 * Math.log(2.0);

    private final Touch touch = new Touch();
    private final long windowNs;
    private final double windowSeconds;
    private final int capacity;
    private final double[] variances;

    private int count;
    private int head;
    private int sinceResum;
    private double sum;

    private boolean hasMid;
    private boolean windowIsPartial;
    private long windowIndex;
    private long lastTwiceMid;
    private long highTwiceMid;
    private long lowTwiceMid;

    /**
     * @param id       factor id.
     * @param windowMs window length in milliseconds, positive.
     * @param windows  number of completed windows averaged, positive.
     */
    public ParkinsonVol(final String id, final long windowMs, final int windows)
    {
        super(id);
        if (windowMs <= 0 || windows <= 0)
        {
            throw new IllegalArgumentException("window_ms and windows must be positive: " + windowMs + ", " + windows);
        }
        this.windowNs = windowMs * 1_000_000L;
        this.windowSeconds = windowMs / 1000.0;
        this.capacity = windows;
        this.variances = new double[windows];
    }

    public void onEvent(final MarketEvent event)
    {
        final long timeNs = event.timeNs();
        if (hasMid)
        {
            final long index = Math.floorDiv(timeNs, windowNs);
            if (index > windowIndex)
            {
                closeWindows(index);
            }
        }

        if (MarketEvent.BOOK != event.kind())
        {
            return;
        }
        if (!touch.read(event.book()))
        {
            return;
        }

        final long twiceMid = touch.twiceMid();
        if (!hasMid)
        {
            hasMid = true;
            windowIsPartial = true;
            windowIndex = Math.floorDiv(timeNs, windowNs);
            highTwiceMid = twiceMid;
            lowTwiceMid = twiceMid;
        }
        lastTwiceMid = twiceMid;
        if (twiceMid > highTwiceMid)
        {
            highTwiceMid = twiceMid;
        }
        if (twiceMid < lowTwiceMid)
        {
            lowTwiceMid = twiceMid;
        }
    }

    public double value()
    {
        if (count < capacity)
        {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0.0, sum) / (count * windowSeconds));
    }

    private void closeWindows(final long newIndex)
    {
        if (windowIsPartial)
        {
            windowIsPartial = false;
        }
        else
        {
            final double range = Math.log((double)highTwiceMid / (double)lowTwiceMid);
            push(range * range / FOUR_LN_2);
        }

        // Windows with no event: the mid stood still, range 0. More than K of them leave only zeros in the ring.
        final long empty = Math.min(newIndex - windowIndex - 1, capacity);
        for (long i = 0; i < empty; i++)
        {
            push(0.0);
        }

        windowIndex = newIndex;
        highTwiceMid = lastTwiceMid;
        lowTwiceMid = lastTwiceMid;
    }

    private void push(final double variance)
    {
        if (count == capacity)
        {
            sum -= variances[head];
        }
        else
        {
            count++;
        }
        variances[head] = variance;
        sum += variance;
        head = head + 1 == capacity ? 0 : head + 1;

        if (++sinceResum >= capacity)
        {
            sinceResum = 0;
            double total = 0;
            for (int i = 0; i < count; i++)
            {
                total += variances[i];
            }
            sum = total;
        }
    }
}
