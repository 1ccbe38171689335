package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Avellaneda &amp; Stoikov (2008), §2.4, the infinite-horizon investor with discount ω: value function
 * v(x, s, q) = −exp(−γx − γqs) / (ω − ½γ²σ²q²), finite only while ω &gt; ½γ²σ²q², which bounds the inventory.
 * The reservation prices solve v(x − rᵇ, s, q + 1) = v(x, s, q) (buying one more) and
 * v(x + rᵃ, s, q − 1) = v(x, s, q) (selling one):
 * <pre>
 * rᵇ(s, q) = s + (1/γ)·ln( (2ω − γ²σ²(q+1)²) / (2ω − γ²σ²q²) ) = s + (1/γ)·ln(1 + (−1 − 2q)γ²σ² / (2ω − γ²σ²q²))
 * rᵃ(s, q) = s + (1/γ)·ln( (2ω − γ²σ²q²) / (2ω − γ²σ²(q−1)²) )
 * bid = rᵇ − (1/γ)·ln(1 + γ/k)       ask = rᵃ + (1/γ)·ln(1 + γ/k)
 * </pre>
 * rᵇ is the paper's printed formula; rᵃ is solved from the same value function (the paper prints
 * s + (1/γ)·ln(1 + (1 − 2q)γ²σ²/(2ω − γ²σ²q²)), which agrees to first order in γ²σ²/ω but does not satisfy the
 * indifference equation exactly and is not the mirror image of rᵇ; the exact form is). The paper suggests
 * ω = ½γ²σ²(q_max + 1)², the default here (parameter {@code omega} unset); then γ²σ² cancels,
 * rᵇ = s + (1/γ)·ln(((q_max+1)² − (q+1)²)/((q_max+1)² − q²)), the bid vanishes (rᵇ → −∞) at q = q_max and the ask
 * (rᵃ → +∞) at q = −q_max, so quoting is one-sided at the bounds by the model itself. Beyond the bounds the quoter
 * quotes only the reducing side, priced as at the bound. A fixed {@code omega} (per second) needs σ; then a side
 * whose logarithm is undefined (ω too small for that inventory) is not quoted.
 * <p>
 * Reported model values: r = (rᵃ + rᵇ)/2 and half-spread (rᵃ − rᵇ)/2 + (1/γ)·ln(1 + γ/k) when both sides exist;
 * with one side, its reservation price and (1/γ)·ln(1 + γ/k). Parameters: {@code gamma}, {@code q_max} (lots),
 * {@code omega}, {@code order_size}, σ/k from {@link ModelInputs}, sizes from {@link QuoteShaper}.
 */
public final class AsInfiniteQuoter implements Quoter
{
    private final AsSettings as;
    private final long qMax;
    private final double omega;

    private AsInfiniteQuoter(final AsSettings as, final long qMax, final double omega)
    {
        this.as = as;
        this.qMax = qMax;
        this.omega = omega;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsInfiniteQuoter(
            AsSettings.from(params),
            params.intParam("q_max", 10, 1, Integer.MAX_VALUE),
            QuoterParameters.optionalPositive(params, "omega"));
    }

    public String id()
    {
        return as.id;
    }

    public void quote(final QuoteInputs in, final TargetQuote out)
    {
        out.clear();
        final double s = in.midPrice();
        final boolean known = as.model.resolveSigmaAndK(in);
        if (Double.isNaN(s) || Double.isNaN(as.model.k) || (!known && !Double.isNaN(omega)))
        {
            return;
        }
        final long q = Math.max(-qMax, Math.min(qMax, in.inventory()));
        // u(n) = 2ω − γ²σ²n², in units of γ²σ² when ω is the paper's choice (then u(n) = (q_max+1)² − n²).
        final double unit = Double.isNaN(omega) ? 1.0 : as.gamma * as.gamma * as.model.sigma * as.model.sigma;
        final double twoOmega = Double.isNaN(omega) ? (qMax + 1.0) * (qMax + 1.0) : 2 * omega;
        final double rb = in.inventory() >= qMax ? Double.NaN : s + logRatio(twoOmega, unit, q + 1, q) / as.gamma;
        final double ra = in.inventory() <= -qMax ? Double.NaN : s + logRatio(twoOmega, unit, q, q - 1) / as.gamma;
        final double liquidity = AvellanedaStoikov.liquidityTerm(as.gamma, as.model.k);
        final boolean hasBid = Double.isFinite(rb);
        final boolean hasAsk = Double.isFinite(ra);
        if (hasBid && hasAsk)
        {
            as.shaper.quote(in, s, 0.5 * (ra + rb), 0.5 * (ra - rb) + liquidity, as.orderSize, as.orderSize, out);
        }
        else if (hasBid)
        {
            out.model(rb, liquidity, s - rb);
            as.shaper.bid(in, rb - liquidity, as.orderSize, out);
        }
        else if (hasAsk)
        {
            out.model(ra, liquidity, s - ra);
            as.shaper.ask(in, ra + liquidity, as.orderSize, out);
        }
    }

    /**
     * @return ln(u(n1)/u(n0)) with u(n) = twoOmega − unit·n²; NaN where either is not positive.
     */
    private static double logRatio(final double twoOmega, final double unit, final long n1, final long n0)
    {
        final double numerator = twoOmega - unit * n1 * n1;
        final double denominator = twoOmega - unit * n0 * n0;
        return numerator > 0 && denominator > 0 ? Math.log(numerator / denominator) : Double.NaN;
    }
}
