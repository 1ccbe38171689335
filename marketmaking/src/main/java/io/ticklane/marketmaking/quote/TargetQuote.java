package io.ticklane.marketmaking.quote;

import io.ticklane.sbe.Side;

/**
 * What a quoter wants after one event: bids and asks (ticks, lots), the model's reservation price, half-spread and
 * skew (for reports and checks), and, for models that act on inventory directly, one aggressive order to take
 * liquidity. Reused, never allocated per event.
 * <p>
 * Most quoters want one bid and one ask ({@link #bid}, {@link #ask}): level 0 of each side. A quoter that rests
 * several orders a side (the {@code grid} reference quoter) adds levels with {@link #addBid}/{@link #addAsk}, up to
 * {@link #MAX_LEVELS} a side in fixed arrays, so the capacity is a configuration limit checked when the quoter is
 * built, not a growth on the hot path. {@link #bidPrice()} and the other one-level accessors read level 0.
 */
public final class TargetQuote
{
    /** Most levels a side holds. */
    public static final int MAX_LEVELS = 16;

    private final long[] bidPrices = new long[MAX_LEVELS];
    private final long[] bidQuantities = new long[MAX_LEVELS];
    private int bidLevels;
    private final long[] askPrices = new long[MAX_LEVELS];
    private final long[] askQuantities = new long[MAX_LEVELS];
    private int askLevels;
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
        bidLevels = 0;
        bidPrices[0] = 0;
        bidQuantities[0] = 0;
        askLevels = 0;
        askPrices[0] = 0;
        askQuantities[0] = 0;
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
     * The one bid: level 0, and no other bid level.
     *
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     */
    public TargetQuote bid(final long price, final long quantity)
    {
        bidLevels = 0;
        return addBid(price, quantity);
    }

    /**
     * The one ask: level 0, and no other ask level.
     *
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     */
    public TargetQuote ask(final long price, final long quantity)
    {
        askLevels = 0;
        return addAsk(price, quantity);
    }

    /**
     * Adds the next bid level (the first call gives level 0).
     *
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     * @throws IllegalStateException if the side already holds {@link #MAX_LEVELS} (a quoter checks its level count
     *                               when it is built, so this is a programming error).
     */
    public TargetQuote addBid(final long price, final long quantity)
    {
        if (MAX_LEVELS == bidLevels)
        {
            throw new IllegalStateException("more than " + MAX_LEVELS + " bid levels");
        }
        bidPrices[bidLevels] = price;
        bidQuantities[bidLevels] = quantity;
        bidLevels++;
        return this;
    }

    /**
     * Adds the next ask level (the first call gives level 0).
     *
     * @param price    ticks.
     * @param quantity lots, positive.
     * @return this.
     * @throws IllegalStateException if the side already holds {@link #MAX_LEVELS}.
     */
    public TargetQuote addAsk(final long price, final long quantity)
    {
        if (MAX_LEVELS == askLevels)
        {
            throw new IllegalStateException("more than " + MAX_LEVELS + " ask levels");
        }
        askPrices[askLevels] = price;
        askQuantities[askLevels] = quantity;
        askLevels++;
        return this;
    }

    /**
     * Removes every bid level (e.g. at the long inventory limit).
     *
     * @return this.
     */
    public TargetQuote noBid()
    {
        bidLevels = 0;
        return this;
    }

    /**
     * Removes every ask level.
     *
     * @return this.
     */
    public TargetQuote noAsk()
    {
        askLevels = 0;
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
        return bidLevels > 0;
    }

    /**
     * @return bid price of level 0, ticks.
     */
    public long bidPrice()
    {
        return bidPrices[0];
    }

    /**
     * @return bid quantity of level 0, lots.
     */
    public long bidQuantity()
    {
        return bidQuantities[0];
    }

    /**
     * @return true if an ask is wanted.
     */
    public boolean hasAsk()
    {
        return askLevels > 0;
    }

    /**
     * @return ask price of level 0, ticks.
     */
    public long askPrice()
    {
        return askPrices[0];
    }

    /**
     * @return ask quantity of level 0, lots.
     */
    public long askQuantity()
    {
        return askQuantities[0];
    }

    /**
     * @return bid levels wanted, 0 to {@link #MAX_LEVELS}.
     */
    public int bidLevels()
    {
        return bidLevels;
    }

    /**
     * @param level 0 to {@link #bidLevels()} − 1.
     * @return its price, ticks.
     */
    public long bidPrice(final int level)
    {
        return bidPrices[level];
    }

    /**
     * @param level 0 to {@link #bidLevels()} − 1.
     * @return its quantity, lots.
     */
    public long bidQuantity(final int level)
    {
        return bidQuantities[level];
    }

    /**
     * @return ask levels wanted, 0 to {@link #MAX_LEVELS}.
     */
    public int askLevels()
    {
        return askLevels;
    }

    /**
     * @param level 0 to {@link #askLevels()} − 1.
     * @return its price, ticks.
     */
    public long askPrice(final int level)
    {
        return askPrices[level];
    }

    /**
     * @param level 0 to {@link #askLevels()} − 1.
     * @return its quantity, lots.
     */
    public long askQuantity(final int level)
    {
        return askQuantities[level];
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
