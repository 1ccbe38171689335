package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;

/**
 * Turns a model's fractional prices and wanted sizes into orders a venue accepts, the same way for every quoter, so
 * no model can quote a crossed or odd-lot order. The rules, in order:
 * <ol>
 *     <li>Prices are rounded to whole ticks away from the touch: a bid down ({@code floor}), an ask up
 *     ({@code ceil}), so rounding never makes a quote more aggressive than the model asked. A model price within
 *     {@value #TICK_EPSILON} tick of a whole tick counts as on it (floating-point noise must not cost a tick).
 *     A price that is not finite, or outside ±2<sup>62</sup> ticks, means no quote on that side.</li>
 *     <li>With {@code post_only=true} (the default) a bid at or above the best ask moves to one tick below the best
 *     ask, and an ask at or below the best bid to one tick above the best bid; an empty opposite side
 *     ({@link PriceLadder#NULL_PRICE}) imposes nothing.</li>
 *     <li>Sizes (lots) are first capped at {@code max_size}, then rounded down to a multiple of {@code lot};
 *     a size below {@code min_size} after that means no quote on that side.</li>
 * </ol>
 * Aggressive (take) orders get rule 3 only: their price is marketable by design. Parameters: {@code lot} (lots,
 * default 1), {@code min_size} (lots, default 1), {@code max_size} (lots, default 2<sup>31</sup>−1),
 * {@code post_only} (default true); {@code max_size} ≥ {@code min_size} ≥ 1 and {@code max_size} a multiple of
 * {@code lot}.
 */
public final class QuoteShaper
{
    /** Distance from a whole tick, in ticks, below which a model price is treated as on that tick. */
    public static final double TICK_EPSILON = 1e-9;
    private static final double PRICE_LIMIT = 0x1p62;

    private final long lot;
    private final long minSize;
    private final long maxSize;
    private final boolean postOnly;

    /**
     * @param lot      size increment, lots, positive.
     * @param minSize  smallest order, lots, positive.
     * @param maxSize  largest order, lots, at least minSize and a multiple of lot.
     * @param postOnly true to keep passive quotes from crossing the opposite touch.
     */
    public QuoteShaper(final long lot, final long minSize, final long maxSize, final boolean postOnly)
    {
        if (lot <= 0 || minSize <= 0 || maxSize < minSize || 0 != maxSize % lot)
        {
            throw new IllegalArgumentException("quote sizes: need lot > 0, 0 < min_size <= max_size, max_size a multiple of lot;"
                + " got lot=" + lot + " min_size=" + minSize + " max_size=" + maxSize);
        }
        this.lot = lot;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.postOnly = postOnly;
    }

    /**
     * Reads {@code lot}, {@code min_size}, {@code max_size} and {@code post_only}.
     *
     * @param params a quoter's parameters.
     * @return the shaper.
     */
    public static QuoteShaper from(final Parameters params)
    {
        final int lot = params.intParam("lot", 1, 1, Integer.MAX_VALUE);
        final int minSize = params.intParam("min_size", 1, 1, Integer.MAX_VALUE);
        final int maxSize = params.intParam("max_size", Integer.MAX_VALUE - (Integer.MAX_VALUE % lot), 1, Integer.MAX_VALUE);
        final boolean postOnly = QuoterParameters.booleanParam(params, "post_only", true);
        try
        {
            return new QuoteShaper(lot, minSize, maxSize, postOnly);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("'" + params.ownerId() + "': " + ex.getMessage(), ex);
        }
    }

    /**
     * Writes the model values and both passive sides around a reservation price.
     *
     * @param in          the event (touch).
     * @param reference   the reference price the model started from (mid or micro-price), ticks.
     * @param reservation reservation price r, ticks.
     * @param halfSpread  half-spread h, ticks: bid r − h, ask r + h.
     * @param bidSize     wanted bid size, lots.
     * @param askSize     wanted ask size, lots.
     * @param out         receives the result (not cleared here).
     */
    public void quote(
        final QuoteInputs in,
        final double reference,
        final double reservation,
        final double halfSpread,
        final long bidSize,
        final long askSize,
        final TargetQuote out)
    {
        out.model(reservation, halfSpread, reference - reservation);
        bid(in, reservation - halfSpread, bidSize, out);
        ask(in, reservation + halfSpread, askSize, out);
    }

    /**
     * @param in    the event (touch).
     * @param price model bid price, ticks.
     * @param size  wanted size, lots.
     * @param out   receives the bid, or no bid.
     */
    public void bid(final QuoteInputs in, final double price, final long size, final TargetQuote out)
    {
        final long lots = size(size);
        if (!(Math.abs(price) < PRICE_LIMIT) || 0 == lots)
        {
            out.noBid();
            return;
        }
        long ticks = (long)Math.floor(price + TICK_EPSILON);
        final long bestAsk = in.bestAsk();
        if (postOnly && PriceLadder.NULL_PRICE != bestAsk && ticks >= bestAsk)
        {
            ticks = bestAsk - 1;
        }
        out.bid(ticks, lots);
    }

    /**
     * @param in    the event (touch).
     * @param price model ask price, ticks.
     * @param size  wanted size, lots.
     * @param out   receives the ask, or no ask.
     */
    public void ask(final QuoteInputs in, final double price, final long size, final TargetQuote out)
    {
        final long lots = size(size);
        if (!(Math.abs(price) < PRICE_LIMIT) || 0 == lots)
        {
            out.noAsk();
            return;
        }
        long ticks = (long)Math.ceil(price - TICK_EPSILON);
        final long bestBid = in.bestBid();
        if (postOnly && PriceLadder.NULL_PRICE != bestBid && ticks <= bestBid)
        {
            ticks = bestBid + 1;
        }
        out.ask(ticks, lots);
    }

    /**
     * An aggressive order; only the size rules apply.
     *
     * @param side  side.
     * @param price limit price, ticks.
     * @param size  wanted size, lots.
     * @param out   receives the take order if its size survives the rules.
     */
    public void take(final Side side, final long price, final long size, final TargetQuote out)
    {
        final long lots = size(size);
        if (0 != lots)
        {
            out.take(side, price, lots);
        }
    }

    /**
     * @param wanted wanted size, lots.
     * @return the size after the rules: capped at max_size, rounded down to a multiple of lot; 0 if below min_size.
     */
    public long size(final long wanted)
    {
        final long capped = Math.min(wanted, maxSize);
        final long rounded = capped - capped % lot;
        return rounded < minSize ? 0 : rounded;
    }
}
