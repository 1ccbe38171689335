package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * AS++: Avellaneda–Stoikov quotes on a rolling horizon with an extra running inventory penalty and hard inventory
 * limits. The horizon τ = {@code horizon_s} does not run down (a stationary desk has no closing time), and a running
 * penalty φ·q² per second over τ — the quadratic running penalty of Cartea, Jaimungal &amp; Penalva (2015),
 * "Algorithmic and High-Frequency Trading", ch. 10 — adds its marginal cost to the reservation price: holding q + 1
 * instead of q costs φ·τ·(2q + 1), holding q − 1 saves φ·τ·(2q − 1), whose midpoint is 2φτq. So
 * <pre>
 * r = s − q·τ·(γσ² + 2φ)
 * half-spread = ½·γσ²τ + (1/γ)·ln(1 + γ/k)
 * </pre>
 * (φ = 0 is Avellaneda–Stoikov with τ frozen). Hard limits, |q| ≤ q_max: a bid is sized so a full fill cannot pass
 * +q_max (min(order_size, q_max − q)) and an ask so it cannot pass −q_max; at +q_max only the ask is quoted, at
 * −q_max only the bid. Parameters: {@code gamma}, {@code horizon_s}, {@code inventory_penalty} φ (ticks per lot²
 * per second, default 0), {@code q_max} (lots), {@code order_size}, σ/k from {@link ModelInputs}, sizes from
 * {@link QuoteShaper}.
 */
public final class AsInventoryQuoter implements Quoter
{
    private final AsSettings as;
    private final double tau;
    private final double penalty;
    private final long qMax;

    private AsInventoryQuoter(final AsSettings as, final double tau, final double penalty, final long qMax)
    {
        this.as = as;
        this.tau = tau;
        this.penalty = penalty;
        this.qMax = qMax;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsInventoryQuoter(
            AsSettings.from(params),
            AsSettings.horizonS(params),
            QuoterParameters.nonNegative(params, "inventory_penalty", 0.0),
            params.intParam("q_max", 10, 1, Integer.MAX_VALUE));
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
        final long q = in.inventory();
        final double sigma2 = as.model.sigma * as.model.sigma;
        final double r = s - q * tau * (as.gamma * sigma2 + 2 * penalty);
        final double h = as.halfSpread(tau);
        final long bidRoom = Math.min(as.orderSize, Math.max(0, qMax - q));
        final long askRoom = Math.min(as.orderSize, Math.max(0, qMax + q));
        as.shaper.quote(in, s, r, h, bidRoom, askRoom, out);
    }
}
