package io.ticklane.microstructure.price;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;
import io.ticklane.orderbook.PriceLadder;

/**
 * Tick momentum: the number of mid up-ticks minus down-ticks over the last {@code N} changes of the mid, a raw count
 * in {@code [-N, N]} (not normalised; divide by N for [-1, 1]). A classic tick-test style direction signal (the
 * tick rule of Lee &amp; Ready 1991, applied to the mid instead of trade prices).
 * <p>
 * A "change" is a BOOK event whose mid (in half ticks) differs from the last known mid; each change counts one,
 * whatever its size. Events with a one-sided book leave the last known mid in place. NaN until N changes have been
 * seen. O(1) per event: a ring of the last N signs and a running sum.
 */
public final class TickMomentum extends Factor
{
    private final Touch touch = new Touch();
    private final byte[] signs;
    private long lastTwoMid = PriceLadder.NULL_PRICE;
    private long changes;
    private int next;
    private int sum;

    /**
     * @param id      factor id.
     * @param changes N, the number of mid changes the count spans.
     */
    public TickMomentum(final String id, final int changes)
    {
        super(id);
        if (changes < 1)
        {
            throw new IllegalArgumentException("factor '" + id + "': changes must be at least 1, got " + changes);
        }
        this.signs = new byte[changes];
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
        final long twoMid = touch.twiceMid();
        if (PriceLadder.NULL_PRICE != lastTwoMid && twoMid != lastTwoMid)
        {
            final byte sign = twoMid > lastTwoMid ? (byte)1 : (byte)-1;
            sum += sign - signs[next];
            signs[next] = sign;
            next = next + 1 == signs.length ? 0 : next + 1;
            changes++;
        }
        lastTwoMid = twoMid;
    }

    public double value()
    {
        return changes < signs.length ? Double.NaN : sum;
    }
}
