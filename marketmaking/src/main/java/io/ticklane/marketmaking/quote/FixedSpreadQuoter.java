package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;
import io.ticklane.orderbook.PriceLadder;

/**
 * The second reference quoter of the backtesting tutorials: a fixed half-spread around the mid, skewed linearly by
 * inventory, so a run can be reproduced in another tool (hftbacktest) and compared. With H = {@code half_spread_ticks},
 * S = {@code skew_ticks_per_lot}, q the position in lots and s the mid (ticks, may be a half tick):
 * <pre>
 * r = s − S·q        bid = r − H        ask = r + H
 * </pre>
 * rounded by {@link QuoteShaper}: the bid down, the ask up (never more aggressive than asked; 1e-9 tick tolerance),
 * then, with {@code post_only=true} (default), a bid at or above the best ask moves to best ask − 1 and an ask at or
 * below the best bid to best bid + 1. So a skewed or narrow quote may improve the touch up to one tick from the
 * opposite best; {@code behind_touch=true} instead caps the bid at the best bid and the ask at the best ask before
 * rounding, the rule of hftbacktest's tutorials. H ≥ ½ keeps our bid strictly below our ask after rounding. No
 * mid (either side of the book empty) means no quote on either side. Parameters: {@code half_spread_ticks} (default 1),
 * {@code skew_ticks_per_lot} (default 0), {@code size} (lots, default 1), {@code max_position} (lots, default none;
 * the rule of {@link TouchQuoter#limitPosition}), {@code behind_touch} (default false), sizes from {@link QuoteShaper}.
 */
public final class FixedSpreadQuoter implements Quoter
{
    private final String id;
    private final double halfSpread;
    private final double skewPerLot;
    private final long size;
    private final long maxPosition;
    private final boolean behindTouch;
    private final QuoteShaper shaper;

    private FixedSpreadQuoter(
        final String id,
        final double halfSpread,
        final double skewPerLot,
        final long size,
        final long maxPosition,
        final boolean behindTouch,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.halfSpread = halfSpread;
        this.skewPerLot = skewPerLot;
        this.size = size;
        this.maxPosition = maxPosition;
        this.behindTouch = behindTouch;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        final double halfSpread = params.doubleParam("half_spread_ticks", 1.0);
        if (halfSpread < 0.5)
        {
            throw new IllegalArgumentException("'" + params.ownerId() + "': parameter half_spread_ticks=" + halfSpread
                + " must be >= 0.5 (a narrower one rounds to the same quotes or locks bid and ask)");
        }
        return new FixedSpreadQuoter(
            params.ownerId(),
            halfSpread,
            QuoterParameters.nonNegative(params, "skew_ticks_per_lot", 0.0),
            params.intParam("size", 1, 1, Integer.MAX_VALUE),
            params.intParam(TouchQuoter.MAX_POSITION, Integer.MAX_VALUE, 1, Integer.MAX_VALUE),
            QuoterParameters.booleanParam(params, "behind_touch", false),
            QuoteShaper.from(params));
    }

    public String id()
    {
        return id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final double s = in.midPrice();
        if (Double.isNaN(s))
        {
            return;
        }
        final double r = s - skewPerLot * in.inventory();
        out.model(r, halfSpread, s - r);
        double bid = r - halfSpread;
        double ask = r + halfSpread;
        if (behindTouch)
        {
            // an empty side caps nothing (a mid typed by hand may come without a touch)
            bid = PriceLadder.NULL_PRICE == in.bestBid() ? bid : Math.min(bid, in.bestBid());
            ask = PriceLadder.NULL_PRICE == in.bestAsk() ? ask : Math.max(ask, in.bestAsk());
        }
        shaper.bid(in, bid, size, out);
        shaper.ask(in, ask, size, out);
        TouchQuoter.limitPosition(in.inventory(), maxPosition, out);
    }
}
