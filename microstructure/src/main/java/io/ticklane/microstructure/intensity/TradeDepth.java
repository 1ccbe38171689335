package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Measures how far from the mid each trade reached, the δ of λ(δ) = A·e^(−kδ), and on which side, one definition
 * shared by the online intensity factors and the offline fitter.
 * <p>
 * The reference is the mid of the last BOOK event <em>before</em> the trade, kept here: on an L3 feed the book a
 * TRADE event carries already shows the execution (a trade that emptied the ask has moved the mid), on an L2 feed it
 * may or may not, so the book at the trade is not a consistent reference. A BOOK event with an empty side clears
 * the reference until both sides are back.
 * <p>
 * A buyer-initiated trade lifted the ask side at δ = P − mid; a seller-initiated one hit the bid side at
 * δ = mid − P (ticks, fractional for prints between ticks). δ = 0 counts (a print at the mid reaches a quote at the
 * mid). Excluded and counted: trades with δ &lt; 0 (inside the mid, possible when the mid moved between the last
 * BOOK event and the print), trades with unknown aggressor (auctions, crosses), trades before any two-sided book.
 * Hidden executions with a known aggressor are kept: a resting quote at their price would have been reached too.
 */
public final class TradeDepth
{
    /** Seller-initiated trade, on the bid side (equals its aggressor, −1). */
    public static final int BID = -1;
    /** Buyer-initiated trade, on the ask side (equals its aggressor, +1). */
    public static final int ASK = 1;
    /** Not a measured trade: a BOOK event or an excluded trade. */
    public static final int NONE = 0;

    private final Touch touch = new Touch();
    private double referenceMid = Double.NaN;
    private double depth = Double.NaN;
    private long measuredBid;
    private long measuredAsk;
    private long insideMidBid;
    private long insideMidAsk;
    private long unknownAggressor;
    private long noReferenceMid;

    /**
     * Updates the reference mid on a BOOK event, or measures a TRADE event.
     *
     * @param event the event.
     * @return {@link #BID} or {@link #ASK} for a measured trade ({@link #depth()} is then valid), else {@link #NONE}.
     */
    public int onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK == event.kind())
        {
            referenceMid = touch.read(event.book()) ? 0.5 * touch.twiceMid() : Double.NaN;
            return NONE;
        }
        if (MarketEvent.TRADE != event.kind())
        {
            return NONE;
        }

        final int aggressor = event.aggressor();
        if (ASK != aggressor && BID != aggressor)
        {
            unknownAggressor++;
            return NONE;
        }
        if (Double.isNaN(referenceMid))
        {
            noReferenceMid++;
            return NONE;
        }

        final double distance = ASK == aggressor ? event.tradePrice() - referenceMid : referenceMid - event.tradePrice();
        if (!(distance >= 0))
        {
            if (ASK == aggressor)
            {
                insideMidAsk++;
            }
            else
            {
                insideMidBid++;
            }
            return NONE;
        }

        depth = distance;
        if (ASK == aggressor)
        {
            measuredAsk++;
        }
        else
        {
            measuredBid++;
        }
        return aggressor;
    }

    /**
     * @return δ of the last measured trade, ticks, ≥ 0.
     */
    public double depth()
    {
        return depth;
    }

    /**
     * @return mid of the last BOOK event, ticks; NaN when that book had an empty side or none was seen.
     */
    public double referenceMid()
    {
        return referenceMid;
    }

    /**
     * @param side {@link #BID} or {@link #ASK}.
     * @return trades measured on that side.
     */
    public long measured(final int side)
    {
        return BID == side ? measuredBid : measuredAsk;
    }

    /**
     * @param side {@link #BID} or {@link #ASK}.
     * @return trades of that side excluded because they printed on the wrong side of the reference mid (δ &lt; 0).
     */
    public long insideMid(final int side)
    {
        return BID == side ? insideMidBid : insideMidAsk;
    }

    /**
     * @return trades excluded because their aggressor is not known.
     */
    public long unknownAggressor()
    {
        return unknownAggressor;
    }

    /**
     * @return trades excluded because no two-sided book preceded them.
     */
    public long noReferenceMid()
    {
        return noReferenceMid;
    }
}
