package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Realised volatility of the mid over a trailing window of the last N mid changes, in log-return per square-root
 * second: a model-free σ whose memory is a number of price moves rather than a time, so it adapts to activity.
 * <p>
 * With r<sub>i</sub> = ln(m<sub>i</sub> / m<sub>i−1</sub>) the log-return of the i-th mid change (mid in ticks) and
 * Δt<sub>i</sub> the seconds since the previous change:
 * <pre>
 *   σ = √( Σ r<sub>i</sub>² / Σ Δt<sub>i</sub> )   over the last N changes   (T = Σ Δt<sub>i</sub>, the time the window spans)
 * </pre>
 * the realised variance of Andersen, Bollerslev, Diebold &amp; Labys (2001, JASA 96, §2) divided by the time it
 * covers. Units: per √s.
 * <p>
 * Definition choices: as in {@link RealizedVolEwma}, an observation is a BOOK event with both sides present whose mid
 * differs from the last one, and several changes at one timestamp are one observation (the last entry of the window
 * is replaced with the combined return; a return to the previous mid removes it). Σr² is kept as a running sum and
 * re-added from the ring once per N observations so rounding cannot drift (amortised O(1)); ΣΔt is exact (long ns).
 * <p>
 * Warm-up: NaN until N changes are in the window.
 */
public final class RealizedVolWindow extends Factor
{
    private final int capacity;
    private final double[] squaredReturns;
    private final long[] intervalsNs;

    private int count;
    private int head; // index the next observation is written to
    private int sinceResum;
    private double sumSquaredReturns;
    private long sumIntervalsNs;

    private final MidChanges changes = new MidChanges();

    // The entry the latest observation overwrote, to restore it when a same-timestamp change undoes the observation.
    private double evictedSquaredReturn;
    private long evictedIntervalNs;
    private boolean evictedWasLive;

    /**
     * @param id      factor id.
     * @param changes number of mid changes in the window, at least 2.
     */
    public RealizedVolWindow(final String id, final int changes)
    {
        super(id);
        if (changes < 2)
        {
            throw new IllegalArgumentException("window needs at least 2 changes: " + changes);
        }
        this.capacity = changes;
        this.squaredReturns = new double[changes];
        this.intervalsNs = new long[changes];
    }

    public void onEvent(final MarketEvent event)
    {
        switch (changes.onEvent(event))
        {
            case MidChanges.NEW:
                push(squaredLogReturn(changes.twiceMid(), changes.referenceTwiceMid()),
                    changes.timeNs() - changes.referenceTimeNs());
                break;
            case MidChanges.REVISE:
            {
                final int latest = head == 0 ? capacity - 1 : head - 1;
                final double squared = squaredLogReturn(changes.twiceMid(), changes.referenceTwiceMid());
                sumSquaredReturns += squared - squaredReturns[latest];
                squaredReturns[latest] = squared;
                break;
            }
            case MidChanges.UNDO:
                popLatest();
                break;
            default:
                break;
        }
    }

    public double value()
    {
        if (count < capacity || sumIntervalsNs <= 0)
        {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0.0, sumSquaredReturns) * 1e9 / (double)sumIntervalsNs);
    }

    private void push(final double squaredReturn, final long intervalNs)
    {
        evictedWasLive = count == capacity;
        evictedSquaredReturn = squaredReturns[head];
        evictedIntervalNs = intervalsNs[head];
        if (evictedWasLive)
        {
            sumSquaredReturns -= evictedSquaredReturn;
            sumIntervalsNs -= evictedIntervalNs;
        }
        else
        {
            count++;
        }
        squaredReturns[head] = squaredReturn;
        intervalsNs[head] = intervalNs;
        sumSquaredReturns += squaredReturn;
        sumIntervalsNs += intervalNs;
        head = head + 1 == capacity ? 0 : head + 1;

        if (++sinceResum >= capacity)
        {
            sinceResum = 0;
            double sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += squaredReturns[i];
            }
            sumSquaredReturns = sum;
        }
    }

    private void popLatest()
    {
        head = head == 0 ? capacity - 1 : head - 1;
        sumSquaredReturns -= squaredReturns[head];
        sumIntervalsNs -= intervalsNs[head];
        squaredReturns[head] = evictedSquaredReturn;
        intervalsNs[head] = evictedIntervalNs;
        if (evictedWasLive)
        {
            sumSquaredReturns += evictedSquaredReturn;
            sumIntervalsNs += evictedIntervalNs;
        }
        else
        {
            count--;
        }
        sinceResum = sinceResum == 0 ? 0 : sinceResum - 1;
    }

    private static double squaredLogReturn(final long twiceMid, final long referenceTwiceMid)
    {
        final double r = Math.log((double)twiceMid / (double)referenceTwiceMid);
        return r * r;
    }
}
