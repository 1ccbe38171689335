package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;
import io.ticklane.orderbook.PriceLadder;

/**
 * The third reference quoter of the backtesting tutorials: a grid of N bids and N asks, D ticks apart, on the prices
 * that are multiples of D, so the orders stay where they are while the mid moves inside one grid step (they keep
 * their queue position) and a run can be compared with hftbacktest's grid-trading example. With s the mid (ticks,
 * may be a half tick), D = {@code step_ticks}, N = {@code levels}, for i = 0 … N − 1:
 * <pre>
 * bid_i = (the largest multiple of D strictly below s) − i·D
 * ask_i = (the smallest multiple of D strictly above s) + i·D
 * </pre>
 * Strictly: a mid on a grid price quotes neither side there, so our bid stays below our ask and never reaches the
 * best ask (post-only never moves a level). Each level is {@code size} lots after {@link QuoteShaper#size}. No quote
 * without a two-sided, uncrossed book. Position (q lots, P = {@code max_position}, Q the size): by default
 * ({@code cap_levels=true}) only the levels that keep the worst case within P rest, ⌊(P − q)/Q⌋ bids and
 * ⌊(P + q)/Q⌋ asks at most, nearest the mid first; {@code cap_levels=false} is the rule of the other reference
 * quoters and of hftbacktest's example, every level or none ({@link TouchQuoter#limitPosition}). How the levels
 * become orders (kept by price, no replaces) is {@code QuoteManager}'s; see
 * docs/decisions/quoter-shaping-and-references.md.
 */
public final class GridQuoter implements Quoter
{
    private final String id;
    private final int levels;
    private final long step;
    private final long size;
    private final long maxPosition;
    private final boolean capLevels;

    private GridQuoter(
        final String id, final int levels, final long step, final long size, final long maxPosition, final boolean capLevels)
    {
        this.id = id;
        this.levels = levels;
        this.step = step;
        this.size = size;
        this.maxPosition = maxPosition;
        this.capLevels = capLevels;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        final int levels = params.intParam("levels", 5, 1, TargetQuote.MAX_LEVELS);
        final long step = params.intParam("step_ticks", 1, 1, Integer.MAX_VALUE);
        final long wanted = params.intParam("size", 1, 1, Integer.MAX_VALUE);
        final long maxPosition = params.intParam(TouchQuoter.MAX_POSITION, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        final boolean capLevels = QuoterParameters.booleanParam(params, "cap_levels", true);
        final long size = QuoteShaper.from(params).size(wanted);
        if (0 == size)
        {
            throw new IllegalArgumentException("'" + params.ownerId() + "': parameter size=" + wanted
                + " is 0 lots after lot, min_size and max_size: the grid would never quote");
        }
        return new GridQuoter(params.ownerId(), levels, step, size, maxPosition, capLevels);
    }

    /**
     * @param twiceMid best bid + best ask, ticks (twice the mid, so a half-tick mid stays exact).
     * @param step     grid step D, ticks, at least 1.
     * @return the largest multiple of D strictly below the mid.
     */
    static long firstBid(final long twiceMid, final long step)
    {
        return Math.floorDiv(twiceMid - 1, 2 * step) * step;
    }

    /**
     * @param twiceMid best bid + best ask, ticks.
     * @param step     grid step D, ticks, at least 1.
     * @return the smallest multiple of D strictly above the mid.
     */
    static long firstAsk(final long twiceMid, final long step)
    {
        return (Math.floorDiv(twiceMid, 2 * step) + 1) * step;
    }

    /**
     * @param room lots the position may still move towards the limit (P − q for bids, P + q for asks).
     * @return levels of {@code size} lots that fit in it, 0 to N.
     */
    private int levelsWithin(final long room)
    {
        return room < size ? 0 : (int)Math.min(levels, room / size);
    }

    public String id()
    {
        return id;
    }

    public boolean quotesLevels()
    {
        return true;
    }

    public int levelsPerSide()
    {
        return levels;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final long bestBid = in.bestBid();
        final long bestAsk = in.bestAsk();
        if (PriceLadder.NULL_PRICE == bestBid || PriceLadder.NULL_PRICE == bestAsk || bestBid >= bestAsk)
        {
            return;
        }
        final long twiceMid = bestBid + bestAsk;
        final long bid = firstBid(twiceMid, step);
        final long ask = firstAsk(twiceMid, step);
        out.model(0.5 * twiceMid, 0.5 * (ask - bid), 0.0);
        final long q = in.inventory();
        final int bids;
        final int asks;
        if (capLevels)
        {
            bids = levelsWithin(maxPosition - q);
            asks = levelsWithin(maxPosition + q);
        }
        else
        {
            bids = q >= maxPosition ? 0 : levels;
            asks = q <= -maxPosition ? 0 : levels;
        }
        for (int i = 0; i < bids; i++)
        {
            out.addBid(bid - i * step, size);
        }
        for (int i = 0; i < asks; i++)
        {
            out.addAsk(ask + i * step, size);
        }
    }
}
