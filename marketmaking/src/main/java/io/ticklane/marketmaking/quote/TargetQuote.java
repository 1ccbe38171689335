package io.ticklane.marketmaking.quote;

import io.ticklane.sbe.Side;

/**
 * What a quoter wants after one event: at most one bid and one ask (ticks, lots), the model's reservation price,
 * half-spread and skew (for reports and checks), and, for models that act on inventory directly, one aggressive
 * order to take liquidity. Reused, never allocated per event.
 */
public final class TargetQuote
{
    boolean hasBid;
    long bidPrice;
    long bidQuantity;
    boolean hasAsk;
    long askPrice;
    long askQuantity;
    double reservationPrice = Double.NaN;
    double halfSpread = Double.NaN;
    double skew = Double.NaN;
    boolean hasTake;
    Side takeSide = Side.NULL_VAL;
    long takePrice;
    long takeQuantity;

    /**
     * Clears everything: no quotes, no take order, model values NaN.
     *
     * @return this.
     */
    public TargetQuote clear()
    {
        hasBid = false;
        bidPrice = 0;
        bidQuantity = 0;
        hasAsk = false;
        askPrice = 0;
        askQuantity = 0;
        reservationPrice = Double.NaN;
        halfSpread = Double.NaN;
        skew = Double.NaN;
        hasTake = false;
        takeSide = Side.NULL_VAL;
        takePrice = 0;
        takeQuantity = 0;
        return this;
    }

    /**
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     */
    public TargetQuote bid(final long price, final long quantity)
    {
        hasBid = true;
        bidPrice = price;
        bidQuantity = quantity;
        return this;
    }

    /**
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     */
    public TargetQuote ask(final long price, final long quantity)
    {
        hasAsk = true;
        askPrice = price;
        askQuantity = quantity;
        return this;
    }

    /**
     * Removes the bid (e.g. at the long inventory limit).
     *
     * @return this.
     */
    public TargetQuote noBid()
    {
        hasBid = false;
        return this;
    }

    /**
     * Removes the ask.
     *
     * @return this.
     */
    public TargetQuote noAsk()
    {
        hasAsk = false;
        return this;
    }

    /**
     * @param reservationPrice model reservation (indifference) price, ticks.
     * @param halfSpread       model half-spread around it, ticks.
     * @param skew             reference price minus reservation price, ticks (positive when long).
     * @return this.
     */
    public TargetQuote model(final double reservationPrice, final double halfSpread, final double skew)
    {
        this.reservationPrice = reservationPrice;
        this.halfSpread = halfSpread;
        this.skew = skew;
        return this;
    }

    /**
     * @param side     side of the aggressive order.
     * @param price    limit price, ticks (marketable).
     * @param quantity lots.
     * @return this.
     */
    public TargetQuote take(final Side side, final long price, final long quantity)
    {
        hasTake = true;
        takeSide = side;
        takePrice = price;
        takeQuantity = quantity;
        return this;
    }

    /**
     * @return true if a bid is wanted.
     */
    public boolean hasBid()
    {
        return hasBid;
    }

    /**
     * @return bid price, ticks.
     */
    public long bidPrice()
    {
        return bidPrice;
    }

    /**
     * @return bid quantity, lots.
     */
    public long bidQuantity()
    {
        return bidQuantity;
    }

    /**
     * @return true if an ask is wanted.
     */
    public boolean hasAsk()
    {
        return hasAsk;
    }

    /**
     * @return ask price, ticks.
     */
    public long askPrice()
    {
        return askPrice;
    }

    /**
     * @return ask quantity, lots.
     */
    public long askQuantity()
    {
        return askQuantity;
    }

    /**
     * @return reservation price, ticks; NaN if the model could not quote.
     */
    public double reservationPrice()
    {
        return reservationPrice;
    }

    /**
     * @return half-spread, ticks.
     */
    public double halfSpread()
    {
        return halfSpread;
    }

    /**
     * @return skew = reference − reservation, ticks.
     */
    public double skew()
    {
        return skew;
    }

    /**
     * @return true if an aggressive order is wanted.
     */
    public boolean hasTake()
    {
        return hasTake;
    }

    /**
     * @return its side.
     */
    public Side takeSide()
    {
        return takeSide;
    }

    /**
     * @return its limit price, ticks.
     */
    public long takePrice()
    {
        return takePrice;
    }

    /**
     * @return its quantity, lots.
     */
    public long takeQuantity()
    {
        return takeQuantity;
    }
}
