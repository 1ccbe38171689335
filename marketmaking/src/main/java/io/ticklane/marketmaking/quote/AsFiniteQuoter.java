package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative Finance 8(3), §3.3,
 * finite horizon T: the reservation price and the optimal total spread of the approximate solution,
 * <pre>
 * r(s, q, t) = s − q·γ·σ²·(T − t)
 * δᵃ + δᵇ  = γ·σ²·(T − t) + (2/γ)·ln(1 + γ/k)
 * </pre>
 * quoted symmetrically around r. Units: prices in ticks, σ in ticks/√s, time in seconds, k per tick, γ per tick.
 * T is the start of quoting plus {@code horizon_s}; after T the inventory term is 0 and only the (2/γ)·ln(1+γ/k)
 * spread remains. σ and k come from the inputs (the factor engine) when {@code sigma}/{@code k} are not fixed in
 * the parameters; the quoter does not quote while a value it needs is NaN.
 */
public final class AsFiniteQuoter implements Quoter
{
    private final String id;
    private final double gamma;
    private final double horizonNs;
    private final double fixedSigma;
    private final double fixedK;
    private final long orderSize;
    private long startNs = Long.MIN_VALUE;

    /**
     * @param id        quoter name.
     * @param gamma     risk aversion γ, per tick, positive.
     * @param horizonS  T − t at the first quote, seconds, positive.
     * @param sigma     fixed σ (ticks/√s), or NaN to take it from the inputs.
     * @param k         fixed k (per tick), or NaN to take it from the inputs.
     * @param orderSize quote size, lots, positive.
     */
    public AsFiniteQuoter(
        final String id, final double gamma, final double horizonS, final double sigma, final double k, final long orderSize)
    {
        if (!(gamma > 0) || !(horizonS > 0) || orderSize <= 0)
        {
            throw new IllegalArgumentException(id + ": gamma, horizon_s and order_size must be positive");
        }
        this.id = id;
        this.gamma = gamma;
        this.horizonNs = horizonS * 1e9;
        this.fixedSigma = sigma;
        this.fixedK = k;
        this.orderSize = orderSize;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsFiniteQuoter(
            params.ownerId(),
            params.positiveDoubleParam("gamma", 0.1),
            params.positiveDoubleParam("horizon_s", 60.0),
            params.doubleParam("sigma", Double.NaN),
            params.doubleParam("k", Double.NaN),
            params.intParam("order_size", 1, 1, Integer.MAX_VALUE));
    }

    public String id()
    {
        return id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final double s = in.midPrice();
        final double sigma = Double.isNaN(fixedSigma) ? in.sigma() : fixedSigma;
        final double k = Double.isNaN(fixedK) ? in.intensityK() : fixedK;
        if (Double.isNaN(s) || Double.isNaN(sigma) || !(k > 0))
        {
            return;
        }
        if (Long.MIN_VALUE == startNs)
        {
            startNs = in.timeNs();
        }

        final double remainingS = Math.max(0.0, horizonNs - (in.timeNs() - startNs)) / 1e9;
        final double inventoryRisk = gamma * sigma * sigma * remainingS;
        final double reservation = s - in.inventory() * inventoryRisk;
        final double halfSpread = 0.5 * (inventoryRisk + (2.0 / gamma) * Math.log1p(gamma / k));
        out.model(reservation, halfSpread, s - reservation);
        out.bid((long)Math.floor(reservation - halfSpread), orderSize);
        out.ask((long)Math.ceil(reservation + halfSpread), orderSize);
    }
}
