package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Amihud-style illiquidity: the absolute mid log-return per lot traded, averaged over recent intervals. A cheap
 * price-impact proxy that needs no trade signs, so it still works when the aggressor side is unknown.
 * <p>
 * Amihud (2002, "Illiquidity and stock returns: cross-section and time-series effects", J. Financial Markets 5,
 * §2 eq. 1) averages |R<sub>d</sub>| / VOLD<sub>d</sub> over the days d with volume. Here a "day" is an interval j of
 * length w aligned to multiples of w in epoch time, the return is the mid's and the volume is in lots:
 * <pre>
 *   illiq<sub>j</sub> = |ln(m<sub>end,j</sub> / m<sub>start,j</sub>)| / V<sub>j</sub>,     amihud = mean of the last n illiq<sub>j</sub>
 * </pre>
 * Units: log-return per lot (Amihud scales by 10⁶ per dollar; no scaling here).
 * <p>
 * Definition choices: V<sub>j</sub> counts every trade's quantity, whatever its aggressor; intervals with no volume are
 * skipped, as the paper skips days without trading; the mid at an interval's end is the mid after the last event before
 * the boundary, and is the next interval's start; the first (partial) interval and intervals with a missing start or
 * end mid (one-sided book) are not used. The mean is a running sum re-added from the ring once per n intervals.
 * <p>
 * Warm-up: NaN until n intervals with volume have completed.
 */
public final class AmihudIlliquidity extends Factor
{
    private final MidIntervals intervals;
    private final int capacity;
    private final double[] ratios;

    private int count;
    private int head;
    private int sinceResum;
    private double sum;

    private long volume;

    /**
     * @param id         factor id.
     * @param intervalMs interval length in milliseconds, positive.
     * @param windows    intervals with volume averaged, positive.
     */
    public AmihudIlliquidity(final String id, final long intervalMs, final int windows)
    {
        super(id);
        if (intervalMs <= 0 || windows <= 0)
        {
            throw new IllegalArgumentException("interval_ms and windows must be positive: " + intervalMs + ", " + windows);
        }
        this.intervals = new MidIntervals(intervalMs * 1_000_000L);
        this.capacity = windows;
        this.ratios = new double[windows];
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
            volume += event.tradeQuantity();
        }
    }

    public double value()
    {
        return count < capacity ? Double.NaN : Math.max(0.0, sum) / count;
    }

    private void close()
    {
        if (intervals.complete() && volume > 0)
        {
            final double logReturn = Math.log((double)intervals.endTwiceMid() / (double)intervals.startTwiceMid());
            push(Math.abs(logReturn) / (double)volume);
        }
        volume = 0;
        intervals.roll();
    }

    private void push(final double ratio)
    {
        if (count == capacity)
        {
            sum -= ratios[head];
        }
        else
        {
            count++;
        }
        ratios[head] = ratio;
        sum += ratio;
        head = head + 1 == capacity ? 0 : head + 1;

        if (++sinceResum >= capacity)
        {
            sinceResum = 0;
            double total = 0;
            for (int i = 0; i < count; i++)
            {
                total += ratios[i];
            }
            sum = total;
        }
    }
}
