package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Kyle's lambda: the price impact of signed order flow, in ticks of mid per lot, estimated by a rolling least-squares
 * regression of mid changes on net signed trade volume over fixed time intervals. The slope of the market's
 * price-impact line, what a quoter skews by when flow is one-sided.
 * <p>
 * In Kyle (1985, "Continuous Auctions and Insider Trading", Econometrica 53(6), §2) the price moves by λ times net
 * order flow; Hasbrouck (2007, "Empirical Market Microstructure", ch. 6, strategic trade models) presents λ as the
 * slope of the price on order flow, estimated here by regressing mid changes on signed volume. For each interval j of
 * length w aligned to multiples of w in epoch time,
 * x<sub>j</sub> = Σ aggressor · quantity over its trades (lots) and y<sub>j</sub> = mid at its end − mid at its start
 * (ticks), and over the last n intervals:
 * <pre>
 *   λ = Cov(y, x) / Var(x) = (n Σxy − Σx Σy) / (n Σx² − (Σx)²)       (OLS slope with intercept)
 * </pre>
 * Definition choices: the mid at an interval's end is the mid after the last event before the boundary, and it is the
 * next interval's start; trades with unknown aggressor add 0 to x; an interval closes at the first event at or after
 * its end, and intervals with no event at all are observations (0, 0), as time-sampled regressions require (at most n
 * of them are added after a gap). The interval in which the factor starts is partial and is not used, nor is an
 * interval whose start or end mid is missing (one-sided book). Sums are running sums re-added from the ring once per n
 * intervals (O(1) amortised per interval close).
 * <p>
 * Warm-up: NaN until n intervals are in the window; NaN while the signed volumes in the window have no variance.
 */
public final class KyleLambda extends Factor
{
    private final MidIntervals intervals;
    private final int capacity;
    private final double[] volumes;
    private final double[] midChanges;

    private int count;
    private int head;
    private int sinceResum;
    private double sumX;
    private double sumY;
    private double sumXx;
    private double sumXy;

    private long signedVolume;

    /**
     * @param id         factor id.
     * @param intervalMs interval length in milliseconds, positive.
     * @param windows    intervals in the regression, at least 3.
     */
    public KyleLambda(final String id, final long intervalMs, final int windows)
    {
        super(id);
        if (intervalMs <= 0 || windows < 3)
        {
            throw new IllegalArgumentException("interval_ms must be positive and windows >= 3: " + intervalMs + ", " + windows);
        }
        this.intervals = new MidIntervals(intervalMs * 1_000_000L);
        this.capacity = windows;
        this.volumes = new double[windows];
        this.midChanges = new double[windows];
    }

    public void onEvent(final MarketEvent event)
    {
        final long timeNs = event.timeNs();
        if (intervals.closes(timeNs))
        {
            close();
        }
        intervals.observe(event.book(), timeNs);
        if (intervals.started() && MarketEvent.TRADE == event.kind())
        {
            signedVolume += event.aggressor() * event.tradeQuantity();
        }
    }

    public double value()
    {
        if (count < capacity)
        {
            return Double.NaN;
        }
        final double n = count;
        final double varianceTerm = n * sumXx - sumX * sumX;
        if (!(varianceTerm > 1e-12 * n * sumXx))
        {
            return Double.NaN;
        }
        return (n * sumXy - sumX * sumY) / varianceTerm;
    }

    private void close()
    {
        if (intervals.complete())
        {
            push((double)signedVolume, 0.5 * (double)(intervals.endTwiceMid() - intervals.startTwiceMid()));
        }

        if (intervals.endValid())
        {
            final long empty = Math.min(intervals.skipped(), capacity);
            for (long i = 0; i < empty; i++)
            {
                push(0.0, 0.0);
            }
        }

        signedVolume = 0;
        intervals.roll();
    }

    private void push(final double x, final double y)
    {
        if (count == capacity)
        {
            final double oldX = volumes[head];
            final double oldY = midChanges[head];
            sumX -= oldX;
            sumY -= oldY;
            sumXx -= oldX * oldX;
            sumXy -= oldX * oldY;
        }
        else
        {
            count++;
        }
        volumes[head] = x;
        midChanges[head] = y;
        sumX += x;
        sumY += y;
        sumXx += x * x;
        sumXy += x * y;
        head = head + 1 == capacity ? 0 : head + 1;

        if (++sinceResum >= capacity)
        {
            sinceResum = 0;
            resum();
        }
    }

    private void resum()
    {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < count; i++)
        {
            final double x = volumes[i];
            final double y = midChanges[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        sumX = sx;
        sumY = sy;
        sumXx = sxx;
        sumXy = sxy;
    }
}
