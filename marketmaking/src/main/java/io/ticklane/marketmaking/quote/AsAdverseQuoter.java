package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * ASAS: Avellaneda–Stoikov on a rolling horizon, made wary of informed flow. Two signals from the factor engine
 * move the quotes: toxicity v ∈ [0, 1] (VPIN, Easley, López de Prado &amp; O'Hara 2012) widens the spread, and a
 * signed order flow f (normalised OFI, Cont, Kukanov &amp; Stoikov 2014; positive = buying pressure) shifts the
 * reservation price in its direction, so the side the flow is about to hit is quoted further away:
 * <pre>
 * r = s − q·γσ²τ + β·f
 * half-spread = (½·γσ²τ + (1/γ)·ln(1 + γ/k)) · (1 + α·v)
 * </pre>
 * τ = {@code horizon_s} (rolling, not running down). A NaN signal (factor warming up or not configured) means no
 * adjustment from that signal: v = NaN → no widening, f = NaN → no shift; the quotes are then plain
 * Avellaneda–Stoikov, never withheld. Toxicity outside [0, 1] is clamped to it. Parameters: {@code alpha}
 * α ≥ 0 (default 1: a fully toxic book doubles the spread), {@code beta} β (ticks per unit of flow, default 0 —
 * set it after calibrating the flow signal's scale), {@code gamma}, {@code horizon_s}, {@code order_size}, σ/k from
 * {@link ModelInputs}, sizes from {@link QuoteShaper}.
 */
public final class AsAdverseQuoter implements Quoter
{
    private final String id;
    private final double gamma;
    private final double tau;
    private final double alpha;
    private final double beta;
    private final long orderSize;
    private final ModelInputs model;
    private final QuoteShaper shaper;

    private AsAdverseQuoter(
        final String id,
        final double gamma,
        final double tau,
        final double alpha,
        final double beta,
        final long orderSize,
        final ModelInputs model,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.gamma = gamma;
        this.tau = tau;
        this.alpha = alpha;
        this.beta = beta;
        this.orderSize = orderSize;
        this.model = model;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsAdverseQuoter(
            params.ownerId(),
            params.positiveDoubleParam("gamma", 0.1),
            params.positiveDoubleParam("horizon_s", 60.0),
            QuoterParameters.nonNegative(params, "alpha", 1.0),
            params.doubleParam("beta", 0.0),
            params.intParam("order_size", 1, 1, Integer.MAX_VALUE),
            ModelInputs.from(params, false),
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
        final double toxicity = in.toxicity();
        final double flow = in.orderFlow();
        final double widening = Double.isNaN(toxicity) ? 1.0 : 1.0 + alpha * Math.max(0.0, Math.min(1.0, toxicity));
        final double shift = Double.isNaN(flow) ? 0.0 : beta * flow;
        final double r = AvellanedaStoikov.reservation(s, in.inventory(), gamma, model.sigma, tau) + shift;
        final double h = AvellanedaStoikov.halfSpread(gamma, model.sigma, tau, model.k) * widening;
        shaper.quote(in, s, r, h, orderSize, orderSize, out);
    }
}
