package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;
import io.ticklane.orderbook.PriceLadder;

/**
 * The reference quoter every backtesting tutorial starts with: join the best bid and the best ask, or improve each by
 * {@code offset_ticks}, with {@code size} lots a side. It exists so a run can be reproduced in another tool
 * (hftbacktest) and compared number for number, not to make money. Rules, with spread = best ask − best bid:
 * <ul>
 *     <li>Each side improves by k = min(offset_ticks, ⌊(spread − 1)/2⌋) ticks: bid = best bid + k, ask = best ask − k.
 *     So our bid stays below our ask and each side stays at least one tick inside the opposite best; with a one- or
 *     two-tick spread k = 0 (join): best 100/102 with offset 1 quotes 100/102, never 101/101.</li>
 *     <li>An empty side of the book means no quote on that side; the other side joins its best (k = 0: with no
 *     opposite best there is no spread to improve into). A locked or crossed book (best bid ≥ best ask) means no
 *     quote.</li>
 *     <li>{@code max_position} (lots, default none): no bid while the position is at or above it, no ask while it
 *     is at or below its negative (see {@link #limitPosition}).</li>
 *     <li>Sizes go through {@link QuoteShaper#size} ({@code lot}, {@code min_size}, {@code max_size}); prices are
 *     whole ticks and never cross, so {@code post_only} changes nothing here.</li>
 * </ul>
 * Model values: reservation = mid, half-spread = (our ask − our bid)/2, skew 0; all NaN unless both sides are quoted.
 */
public final class TouchQuoter implements Quoter
{
    /** The position limit parameter of the reference quoters, lots; absent = no limit. */
    static final String MAX_POSITION = "max_position";

    private final String id;
    private final long offsetTicks;
    private final long size;
    private final long maxPosition;
    private final QuoteShaper shaper;

    private TouchQuoter(
        final String id, final long offsetTicks, final long size, final long maxPosition, final QuoteShaper shaper)
    {
        this.id = id;
        this.offsetTicks = offsetTicks;
        this.size = size;
        this.maxPosition = maxPosition;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new TouchQuoter(
            params.ownerId(),
            params.intParam("offset_ticks", 0, 0, Integer.MAX_VALUE),
            params.intParam("size", 1, 1, Integer.MAX_VALUE),
            params.intParam(MAX_POSITION, Integer.MAX_VALUE, 1, Integer.MAX_VALUE),
            QuoteShaper.from(params));
    }

    /**
     * @param spread best ask − best bid, ticks, at least 1.
     * @param offset wanted improvement, ticks, at least 0.
     * @return the improvement each side gets: min(offset, ⌊(spread − 1)/2⌋).
     */
    static long improvement(final long spread, final long offset)
    {
        return Math.min(offset, (spread - 1) / 2);
    }

    public String id()
    {
        return id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final long bestBid = in.bestBid();
        final long bestAsk = in.bestAsk();
        final boolean bidSide = PriceLadder.NULL_PRICE != bestBid;
        final boolean askSide = PriceLadder.NULL_PRICE != bestAsk;
        if (bidSide && askSide)
        {
            if (bestBid >= bestAsk)
            {
                return;
            }
            final long k = improvement(bestAsk - bestBid, offsetTicks);
            final long bid = bestBid + k;
            final long ask = bestAsk - k;
            out.model(0.5 * (bestBid + bestAsk), 0.5 * (ask - bid), 0.0);
            shaper.bid(in, bid, size, out);
            shaper.ask(in, ask, size, out);
        }
        else if (bidSide)
        {
            shaper.bid(in, bestBid, size, out);
        }
        else if (askSide)
        {
            shaper.ask(in, bestAsk, size, out);
        }
        limitPosition(in.inventory(), maxPosition, out);
    }

    /**
     * The position rule of the reference quoters (and of hftbacktest's tutorial loops): no bid at or above
     * +max_position, no ask at or below −max_position. The quote size is not cut to the room left, so a fill may
     * pass the limit by up to one size; the risk gate's {@code risk.max_position} is the hard bound.
     *
     * @param position    signed position, lots.
     * @param maxPosition the limit, lots.
     * @param out         the quote, a side removed when at the limit.
     */
    static void limitPosition(final long position, final long maxPosition, final TargetQuote out)
    {
        if (position >= maxPosition)
        {
            out.noBid();
        }
        if (position <= -maxPosition)
        {
            out.noAsk();
        }
    }
}
