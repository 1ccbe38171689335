package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;

/**
 * Best-level order flow imbalance summed over a rolling window of event time, {@code ofi_l1_sum}: Cont, Kukanov &amp;
 * Stoikov (2014), OFI over an interval, {@code OFI_k = sum of e_n over the events in (t - W, t]}, with e_n as in {@link OfiL1}.
 * Unit: lots.
 * <p>
 * The window ends at the current event's time t and holds the e_n of BOOK events stamped after t - W (window_ms).
 * Sums are kept in {@code long} lots, so adding and expiring never accumulates rounding. Events with the same
 * timestamp share one slot of a preallocated ring of {@code capacity} slots; if a burst fills the ring the oldest
 * slot leaves the window early and {@link #earlyEvictions()} counts it (size the capacity for the busiest window).
 * <p>
 * Event times are expected not to go backwards; a late stamp is kept in arrival order and leaves with the entry before it.
 * <p>
 * Warm-up: NaN until W of event time has passed since the first BOOK event, i.e. until the window holds only
 * observed flow; a partial window would be biased towards zero.
 */
public final class OfiL1Sum extends Factor
{
    private final long windowNs;
    private final long[] times;
    private final long[] flows;
    private final int mask;
    private int head;
    private int size;
    private long sum;
    private long earlyEvictions;

    private boolean hasPrevious;
    private long firstBookNs;
    private long bidPrev;
    private long bidQPrev;
    private long askPrev;
    private long askQPrev;
    private double value = Double.NaN;

    /**
     * @param id       factor id.
     * @param windowMs window length, ms, positive.
     * @param capacity ring slots, a power of two.
     */
    public OfiL1Sum(final String id, final double windowMs, final int capacity)
    {
        super(id);
        if (!(windowMs > 0) || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException(id + ": window_ms must be positive and capacity a power of two");
        }
        this.windowNs = Math.max(1, Math.round(windowMs * 1e6));
        this.times = new long[capacity];
        this.flows = new long[capacity];
        this.mask = capacity - 1;
    }

    /**
     * @return window slots that left early because the ring was full.
     */
    public long earlyEvictions()
    {
        return earlyEvictions;
    }

    public void onEvent(final MarketEvent event)
    {
        final long timeNs = event.timeNs();
        if (MarketEvent.BOOK == event.kind())
        {
            final OrderBook book = event.book();
            final PriceLadder bids = book.bids();
            final PriceLadder asks = book.asks();
            final long bid = bids.bestPrice();
            final long bidQ = bids.bestQuantity();
            final long ask = asks.bestPrice();
            final long askQ = asks.bestQuantity();
            if (hasPrevious)
            {
                add(timeNs, OrderFlowImbalance.flow(bidPrev, bidQPrev, bid, bidQ, askPrev, askQPrev, ask, askQ));
            }
            else
            {
                hasPrevious = true;
                firstBookNs = timeNs;
            }
            bidPrev = bid;
            bidQPrev = bidQ;
            askPrev = ask;
            askQPrev = askQ;
        }
        if (!hasPrevious)
        {
            return;
        }

        expire(timeNs);
        value = timeNs - firstBookNs >= windowNs ? (double)sum : Double.NaN;
    }

    public double value()
    {
        return value;
    }

    private void add(final long timeNs, final long flow)
    {
        if (size > 0)
        {
            final int last = (head + size - 1) & mask;
            if (times[last] == timeNs)
            {
                flows[last] += flow;
                sum += flow;
                return;
            }
        }
        if (size == times.length)
        {
            sum -= flows[head];
            head = (head + 1) & mask;
            size--;
            earlyEvictions++;
        }
        final int slot = (head + size) & mask;
        times[slot] = timeNs;
        flows[slot] = flow;
        size++;
        sum += flow;
    }

    private void expire(final long timeNs)
    {
        final long oldestKept = timeNs - windowNs;
        while (size > 0 && times[head] <= oldestKept)
        {
            sum -= flows[head];
            head = (head + 1) & mask;
            size--;
        }
    }
}
