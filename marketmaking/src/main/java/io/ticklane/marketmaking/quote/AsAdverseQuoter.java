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
    private final AsSettings as;
    private final double tau;
    private final double alpha;
    private final double beta;

    private AsAdverseQuoter(final AsSettings as, final double tau, final double alpha, final double beta)
    {
        this.as = as;
        this.tau = tau;
        this.alpha = alpha;
        this.beta = beta;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsAdverseQuoter(
            AsSettings.from(params),
            AsSettings.horizonS(params),
            QuoterParameters.nonNegative(params, "alpha", 1.0),
            params.doubleParam("beta", 0.0));
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
        final double s = in.midPrice();
        final double toxicity = in.toxicity();
        final double flow = in.orderFlow();
        final double widening = Double.isNaN(toxicity) ? 1.0 : 1.0 + alpha * Math.max(0.0, Math.min(1.0, toxicity));
        final double shift = Double.isNaN(flow) ? 0.0 : beta * flow;
        final double r = as.reservation(s, in.inventory(), tau) + shift;
        final double h = as.halfSpread(tau) * widening;
        as.shaper.quote(in, s, r, h, as.orderSize, as.orderSize, out);
    }
}
