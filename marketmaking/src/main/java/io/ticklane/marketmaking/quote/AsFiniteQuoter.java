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
    private final AsSettings as;
    private final long horizonNs;
    private long startNs = Long.MIN_VALUE;

    private AsFiniteQuoter(final AsSettings as, final double horizonS)
    {
        this.as = as;
        this.horizonNs = Math.round(horizonS * 1e9);
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsFiniteQuoter(AsSettings.from(params), AsSettings.horizonS(params));
    }

    public String id()
    {
        return as.id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        if (!as.begin(in, out))
        {
            return;
        }
        if (Long.MIN_VALUE == startNs)
        {
            startNs = in.timeNs();
        }

        final long elapsedNs = Math.max(0, in.timeNs() - startNs);
        final double tau = Math.max(0, horizonNs - elapsedNs) / 1e9;
        final double s = in.midPrice();
        final double r = as.reservation(s, in.inventory(), tau);
        final double h = as.halfSpread(tau);
        as.shaper.quote(in, s, r, h, as.orderSize, as.orderSize, out);
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
