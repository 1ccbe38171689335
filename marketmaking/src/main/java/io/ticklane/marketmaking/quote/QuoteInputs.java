package io.ticklane.marketmaking.quote;

import io.ticklane.orderbook.PriceLadder;

/**
 * Everything a quoter may use, as of one event. Filled by the strategy from the book, the factor snapshot and the
 * position before each quote; reused, never allocated per event. An empty side of the book is
 * {@link PriceLadder#NULL_PRICE} (also the initial value). Prices are in ticks (fractional where a model
 * price is), inventory in lots, time in epoch nanoseconds; NaN marks a value not available (a factor warming up).
 */
public final class QuoteInputs
{
    long timeNs;
    double midPrice = Double.NaN;
    double microPrice = Double.NaN;
    long bestBid = PriceLadder.NULL_PRICE;
    long bestAsk = PriceLadder.NULL_PRICE;
    long inventory;
    double sigma = Double.NaN;
    double intensityA = Double.NaN;
    double intensityK = Double.NaN;
    double toxicity = Double.NaN;
    double orderFlow = Double.NaN;

    /**
     * @param timeNs event time.
     * @return this.
     */
    public QuoteInputs timeNs(final long timeNs)
    {
        this.timeNs = timeNs;
        return this;
    }

    /**
     * @return event time, epoch ns.
     */
    public long timeNs()
    {
        return timeNs;
    }

    /**
     * @param bestBid best bid, ticks ({@link PriceLadder#NULL_PRICE} if none).
     * @param bestAsk best ask, ticks ({@link PriceLadder#NULL_PRICE} if none).
     * @return this.
     */
    public QuoteInputs touch(final long bestBid, final long bestAsk)
    {
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
        return this;
    }

    /**
     * @return best bid, ticks.
     */
    public long bestBid()
    {
        return bestBid;
    }

    /**
     * @return best ask, ticks.
     */
    public long bestAsk()
    {
        return bestAsk;
    }

    /**
     * @param midPrice mid price, ticks.
     * @return this.
     */
    public QuoteInputs midPrice(final double midPrice)
    {
        this.midPrice = midPrice;
        return this;
    }

    /**
     * @return mid price, ticks; NaN if a side is empty.
     */
    public double midPrice()
    {
        return midPrice;
    }

    /**
     * @param microPrice micro-price, ticks.
     * @return this.
     */
    public QuoteInputs microPrice(final double microPrice)
    {
        this.microPrice = microPrice;
        return this;
    }

    /**
     * @return micro-price (Stoikov 2018), ticks; NaN if not configured or not available.
     */
    public double microPrice()
    {
        return microPrice;
    }

    /**
     * @param inventory signed position, lots.
     * @return this.
     */
    public QuoteInputs inventory(final long inventory)
    {
        this.inventory = inventory;
        return this;
    }

    /**
     * @return signed position, lots (positive long).
     */
    public long inventory()
    {
        return inventory;
    }

    /**
     * @param sigma volatility of the reference price, ticks per square root of a second.
     * @return this.
     */
    public QuoteInputs sigma(final double sigma)
    {
        this.sigma = sigma;
        return this;
    }

    /**
     * @return volatility, ticks/√s; NaN if not available.
     */
    public double sigma()
    {
        return sigma;
    }

    /**
     * @param a order arrival intensity at the touch A (trades per second).
     * @param k its decay with distance k (per tick).
     * @return this.
     */
    public QuoteInputs intensity(final double a, final double k)
    {
        this.intensityA = a;
        this.intensityK = k;
        return this;
    }

    /**
     * @return A of λ(δ) = A·e^(−kδ), per second; NaN if not available.
     */
    public double intensityA()
    {
        return intensityA;
    }

    /**
     * @return k of λ(δ) = A·e^(−kδ), per tick; NaN if not available.
     */
    public double intensityK()
    {
        return intensityK;
    }

    /**
     * @param toxicity order flow toxicity in [0, 1] (e.g. VPIN).
     * @param orderFlow signed order flow signal (e.g. normalised OFI; positive = buying pressure).
     * @return this.
     */
    public QuoteInputs flow(final double toxicity, final double orderFlow)
    {
        this.toxicity = toxicity;
        this.orderFlow = orderFlow;
        return this;
    }

    /**
     * @return toxicity in [0, 1]; NaN if not available.
     */
    public double toxicity()
    {
        return toxicity;
    }

    /**
     * @return signed order flow; NaN if not available.
     */
    public double orderFlow()
    {
        return orderFlow;
    }
}
