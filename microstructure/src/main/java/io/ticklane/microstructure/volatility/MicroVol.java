package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Per-tick ("micro") volatility: the standard deviation of mid changes, in ticks, over the last N changes of the mid,
 * with no time normalisation. It says how far the mid moves when it moves, which sizes quote offsets in ticks and
 * tells a one-tick-jump market from a gappy one, whatever the pace of events.
 * <p>
 * With d<sub>i</sub> = m<sub>i</sub> − m<sub>i−1</sub> (ticks; multiples of ½) the non-zero mid changes:
 * <pre>
 *   micro_vol = √( (Σ d² − (Σ d)² / N) / (N − 1) )   over the last N changes (sample standard deviation)
 * </pre>
 * the plain sample standard deviation, taken in event ("tick") time rather than clock time as in the event-time
 * scales of Dacorogna et al. (2001, "An Introduction to High-Frequency Finance", the chapter on time scales), and in
 * price units (ticks) rather than log-returns. No single paper defines it; the formula is textbook. Units: ticks.
 * <p>
 * Definition choices: every BOOK event whose mid (both sides present) differs from the previous mid adds one change,
 * including several at one timestamp (there is no time here to normalise by). Changes are kept in half-ticks as
 * longs, so the running sums are exact and cannot drift. Warm-up: NaN until N changes are in the window.
 */
public final class MicroVol extends Factor
{
    private final Touch touch = new Touch();
    private final int capacity;
    private final long[] halfTickChanges;

    private int count;
    private int head;
    private long sum;
    private long sumSquares;
    private boolean hasMid;
    private long lastTwiceMid;

    /**
     * @param id      factor id.
     * @param changes number of mid changes in the window, at least 2.
     */
    public MicroVol(final String id, final int changes)
    {
        super(id);
        if (changes < 2)
        {
            throw new IllegalArgumentException("window needs at least 2 changes: " + changes);
        }
        this.capacity = changes;
        this.halfTickChanges = new long[changes];
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

        final long twiceMid = touch.twiceMid();
        if (!hasMid)
        {
            hasMid = true;
            lastTwiceMid = twiceMid;
            return;
        }
        final long change = twiceMid - lastTwiceMid;
        if (0 == change)
        {
            return;
        }
        lastTwiceMid = twiceMid;

        if (count == capacity)
        {
            final long evicted = halfTickChanges[head];
            sum -= evicted;
            sumSquares -= evicted * evicted;
        }
        else
        {
            count++;
        }
        halfTickChanges[head] = change;
        sum += change;
        sumSquares += change * change;
        head = head + 1 == capacity ? 0 : head + 1;
    }

    public double value()
    {
        if (count < capacity)
        {
            return Double.NaN;
        }
        final double n = count;
        final double varianceHalfTicks = ((double)sumSquares - (double)sum * (double)sum / n) / (n - 1.0);
        return 0.5 * Math.sqrt(Math.max(0.0, varianceHalfTicks));
    }
}
