package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Guéant, Lehalle &amp; Fernandez-Tapia (2013), "Dealing with the inventory risk: a solution to the market making
 * problem", Mathematics and Financial Economics 7(4), 477–507, closed-form asymptotic quotes (large horizon), in the
 * form of Guéant (2017), "Optimal market making", Applied Mathematical Finance 24(2), eqs. (4.6)–(4.7), with trade
 * size Δ and the utility parameter ξ (ξ = γ: the exponential-utility case; ξ = 0 is the risk-neutral limit and is
 * not supported here):
 * <pre>
 * c1 = (1/(ξΔ))·ln(1 + ξΔ/k)
 * c2 = √( γ/(2·A·Δ·k) · (1 + ξΔ/k)^(k/(ξΔ) + 1) )
 * half_spread = c1 + (Δ/2)·σ·c2        skew = σ·c2
 * bid = s − (half_spread + skew·q)     ask = s + (half_spread − skew·q)
 * </pre>
 * so the reported reservation price is r = s − skew·q. Units: prices ticks, σ ticks/√s, A per second, k per tick,
 * Δ = {@code order_size} lots, q lots, γ and ξ per tick per lot. Parameters: {@code gamma}, {@code xi} (default γ),
 * {@code order_size}, σ/A/k from {@link ModelInputs}, sizes from {@link QuoteShaper}. No quote while s, σ, A or k
 * is unknown. There is no time in the model: the quotes are stationary in t.
 */
public final class GlftQuoter implements Quoter
{
    private final String id;
    private final double gamma;
    private final double xi;
    private final long orderSize;
    private final ModelInputs model;
    private final QuoteShaper shaper;

    private GlftQuoter(
        final String id,
        final double gamma,
        final double xi,
        final long orderSize,
        final ModelInputs model,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.gamma = gamma;
        this.xi = xi;
        this.orderSize = orderSize;
        this.model = model;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        final double gamma = params.positiveDoubleParam("gamma", 0.05);
        return new GlftQuoter(
            params.ownerId(),
            gamma,
            params.positiveDoubleParam("xi", gamma),
            params.intParam("order_size", 1, 1, Integer.MAX_VALUE),
            ModelInputs.from(params, true),
            QuoteShaper.from(params));
    }

    /**
     * @return c1 = (1/(ξΔ))·ln(1 + ξΔ/k), ticks.
     */
    static double c1(final double xi, final double delta, final double k)
    {
        final double xiDelta = xi * delta;
        return Math.log1p(xiDelta / k) / xiDelta;
    }

    /**
     * @return c2 = √(γ/(2AΔk) · (1 + ξΔ/k)^(k/(ξΔ) + 1)), per √s (multiply by σ for ticks per lot).
     */
    static double c2(final double gamma, final double xi, final double delta, final double a, final double k)
    {
        final double xiDelta = xi * delta;
        return Math.sqrt(gamma / (2 * a * delta * k) * Math.pow(1 + xiDelta / k, k / xiDelta + 1));
    }

    public String id()
    {
        return id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final double s = in.midPrice();
        if (Double.isNaN(s) || !model.resolveAll(in))
        {
            return;
        }
        final double delta = orderSize;
        final double skew = model.sigma * c2(gamma, xi, delta, model.a, model.k);
        final double halfSpread = c1(xi, delta, model.k) + 0.5 * delta * skew;
        shaper.quote(in, s, s - skew * in.inventory(), halfSpread, orderSize, orderSize, out);
    }
}
