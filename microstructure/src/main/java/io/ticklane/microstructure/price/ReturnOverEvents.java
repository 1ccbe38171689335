package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Log return of the mid over the last N BOOK events: {@code ln(mid_t / mid_{t-N})}, dimensionless (ticks cancel).
 * The event-clock return that volatility and momentum signals are built on (event time, as in Cont, Kukanov &amp;
 * Stoikov 2014, rather than calendar time).
 * <p>
 * Only BOOK events with a two-sided book count as events; TRADE events and one-sided books are passed over, so the
 * window always spans N valid mids. NaN until N + 1 valid mids have been seen, and whenever either mid is not
 * positive (a log return is undefined there). O(1) per event: a ring of the last N + 1 mids.
 */
public final class ReturnOverEvents extends Factor
{
    private final Touch touch = new Touch();
    private final double[] mids;
    private long seen;
    private int next;
    private double value = Double.NaN;

    /**
     * @param id     factor id.
     * @param events N, the number of BOOK events the return spans.
     */
    public ReturnOverEvents(final String id, final int events)
    {
        super(id);
        if (events < 1)
        {
            throw new IllegalArgumentException("factor '" + id + "': events must be at least 1, got " + events);
        }
        this.mids = new double[events + 1];
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
        final double mid = 0.5 * touch.twiceMid();
        mids[next] = mid;
        next = next + 1 == mids.length ? 0 : next + 1;
        seen++;
        if (seen < mids.length)
        {
            value = Double.NaN;
            return;
        }
        final double old = mids[next]; // the oldest of the N + 1 mids, N events ago
        value = mid > 0 && old > 0 ? Math.log(mid / old) : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
