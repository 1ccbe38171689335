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
    private final String id;
    private final double gamma;
    private final double tau;
    private final double penalty;
    private final long qMax;
    private final long orderSize;
    private final ModelInputs model;
    private final QuoteShaper shaper;

    private AsInventoryQuoter(
        final String id,
        final double gamma,
        final double tau,
        final double penalty,
        final long qMax,
        final long orderSize,
        final ModelInputs model,
        final QuoteShaper shaper)
    {
        this.id = id;
        this.gamma = gamma;
        this.tau = tau;
        this.penalty = penalty;
        this.qMax = qMax;
        this.orderSize = orderSize;
        this.model = model;
        this.shaper = shaper;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsInventoryQuoter(
            params.ownerId(),
            params.positiveDoubleParam("gamma", 0.1),
            params.positiveDoubleParam("horizon_s", 60.0),
            QuoterParameters.nonNegative(params, "inventory_penalty", 0.0),
            params.intParam("q_max", 10, 1, Integer.MAX_VALUE),
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
        final long q = in.inventory();
        final double sigma2 = model.sigma * model.sigma;
        final double r = s - q * tau * (gamma * sigma2 + 2 * penalty);
        final double h = AvellanedaStoikov.halfSpread(gamma, model.sigma, tau, model.k);
        final long bidRoom = Math.min(orderSize, Math.max(0, qMax - q));
        final long askRoom = Math.min(orderSize, Math.max(0, qMax + q));
        shaper.quote(in, s, r, h, bidRoom, askRoom, out);
    }
}
