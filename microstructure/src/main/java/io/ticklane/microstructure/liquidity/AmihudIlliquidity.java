package io.ticklane.microstructure.liquidity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

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
    private final long intervalNs;
    private final int capacity;
    private final double[] ratios;

    private int count;
    private int head;
    private int sinceResum;
    private double sum;

    private boolean started;
    private boolean partial;
    private long intervalIndex;
    private long volume;
    private boolean startValid;
    private long startTwiceMid;
    private boolean lastValid;
    private long lastTwiceMid;

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
        this.intervalNs = intervalMs * 1_000_000L;
        this.capacity = windows;
        this.ratios = new double[windows];
    }

    public void onEvent(final MarketEvent event)
    {
        final long timeNs = event.timeNs();
        if (started)
        {
            final long index = Math.floorDiv(timeNs, intervalNs);
            if (index > intervalIndex)
            {
                close(index);
            }
        }

        final OrderBook book = event.book();
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        lastValid = PriceLadder.NULL_PRICE != bid && PriceLadder.NULL_PRICE != ask;
        if (lastValid)
        {
            lastTwiceMid = bid + ask;
            if (!started)
            {
                started = true;
                partial = true;
                intervalIndex = Math.floorDiv(timeNs, intervalNs);
            }
        }
        if (started && MarketEvent.TRADE == event.kind())
        {
            volume += event.tradeQuantity();
        }
    }

    public double value()
    {
        return count < capacity ? Double.NaN : Math.max(0.0, sum) / count;
    }

    private void close(final long newIndex)
    {
        if (!partial && startValid && lastValid && volume > 0)
        {
            push(Math.abs(Math.log((double)lastTwiceMid / (double)startTwiceMid)) / (double)volume);
        }
        partial = false;
        intervalIndex = newIndex;
        volume = 0;
        startValid = lastValid;
        startTwiceMid = lastTwiceMid;
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
