package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative Finance 8(3), §3.3,
 * finite horizon T: the reservation price and the optimal total spread of the approximate solution,
 * <pre>
 * r(s, q, t) = s − q·γ·σ²·(T − t)
 * δᵃ + δᵇ  = γ·σ²·(T − t) + (2/γ)·ln(1 + γ/k)
 * </pre>
 * quoted symmetrically around r. Units: prices in ticks, σ in ticks/√s, time in seconds, k per tick, γ per tick per
 * lot, q in lots. T is the time of the first quote plus {@code horizon_s}; after T the inventory term is 0 and only
 * the (2/γ)·ln(1+γ/k) spread remains. σ and k: see {@link ModelInputs} ({@code sigma}, {@code sigma_fallback},
 * {@code k}, {@code k_fallback}); sizes and rounding: see {@link QuoteShaper}. No quote while the mid, σ or k is
 * unknown.
 */
public final class AsFiniteQuoter implements Quoter
{
    private final String id;
    private final double gamma;
    private final long horizonNs;
    private final ModelInputs model;
    private final long orderSize;
    private final QuoteShaper shaper;
    private long startNs = Long.MIN_VALUE;

    private AsFiniteQuoter(
        final String id,
        final double gamma,
        final double horizonS,
        final ModelInputs model,
        final long orderSize,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.gamma = gamma;
        this.horizonNs = Math.round(horizonS * 1e9);
        this.model = model;
        this.orderSize = orderSize;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsFiniteQuoter(
            params.ownerId(),
            params.positiveDoubleParam("gamma", 0.1),
            params.positiveDoubleParam("horizon_s", 60.0),
            ModelInputs.from(params, false),
            params.intParam("order_size", 1, 1, Integer.MAX_VALUE),
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
        if (Double.isNaN(s) || !model.resolveSigmaAndK(in))
        {
            return;
        }
        if (Long.MIN_VALUE == startNs)
        {
            startNs = in.timeNs();
        }

        final long elapsedNs = Math.max(0, in.timeNs() - startNs);
        final double tau = Math.max(0, horizonNs - elapsedNs) / 1e9;
        final double r = AvellanedaStoikov.reservation(s, in.inventory(), gamma, model.sigma, tau);
        final double h = AvellanedaStoikov.halfSpread(gamma, model.sigma, tau, model.k);
        shaper.quote(in, s, r, h, orderSize, orderSize, out);
    }

    /**
     * @return the event time of the first quote (the horizon's start), {@link Long#MIN_VALUE} before it.
     */
    public long memory()
    {
        return startNs;
    }

    public void restoreMemory(final long memory)
    {
        startNs = memory;
    }
}
