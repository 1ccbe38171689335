package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;

/**
 * AS+++: Avellaneda–Stoikov on a rolling horizon (r = s − q·γσ²τ, half-spread ½γσ²τ + (1/γ)·ln(1 + γ/k),
 * τ = {@code horizon_s}) with a hedging zone. In the impulse-control formulation of market making (a
 * quasi-variational inequality max(∂ₜv + Lv, Mv − v) = 0, e.g. Guilbaud &amp; Pham 2013, "Optimal high-frequency
 * trading with limit and market orders", Quantitative Finance 13(1)) the state space splits into a continuation
 * region, where only limit orders are posted, and an intervention region, where paying the spread for a market order
 * is worth more than waiting; for inventory-averse agents the intervention region is |q| large. This quoter uses the
 * simplest such split, a threshold on |q|, rather than solving the QVI:
 * <ul>
 *     <li>|q| &lt; {@code hedge_threshold}: plain quotes.</li>
 *     <li>|q| ≥ {@code hedge_threshold}: one marketable order that reduces |q| — a sell at best bid − collar when
 *     long, a buy at best ask + collar when short — of min(|q| − {@code hedge_target}, {@code max_take}) lots
 *     (then {@link QuoteShaper} size rules), and no passive quote on the side that would add to |q|. With that
 *     opposite side of the book empty there is no take order (nothing to take), but the increasing side stays
 *     withdrawn.</li>
 * </ul>
 * Parameters: {@code hedge_threshold} (lots, ≥ 1), {@code hedge_target} (lots, default 0, below the threshold),
 * {@code max_take} (lots, default 1), {@code collar_ticks} (≥ 0, default 0: take at the touch only), {@code gamma},
 * {@code horizon_s}, {@code order_size}, σ/k from {@link ModelInputs}, sizes from {@link QuoteShaper}.
 */
public final class AsHedgeQuoter implements Quoter
{
    private final AsSettings as;
    private final double tau;
    private final long threshold;
    private final long target;
    private final long maxTake;
    private final long collarTicks;

    private AsHedgeQuoter(
        final AsSettings as,
        final double tau,
        final long threshold,
        final long target,
        final long maxTake,
        final long collarTicks)
    {
        if (target >= threshold)
        {
            throw new IllegalArgumentException(
                "'" + as.id + "': hedge_target=" + target + " must be below hedge_threshold=" + threshold);
        }
        this.as = as;
        this.tau = tau;
        this.threshold = threshold;
        this.target = target;
        this.maxTake = maxTake;
        this.collarTicks = collarTicks;
    }

    static Quoter create(final Parameters params, final QuoterRegistry registry)
    {
        return new AsHedgeQuoter(
            AsSettings.from(params),
            AsSettings.horizonS(params),
            params.intParam("hedge_threshold", 10, 1, Integer.MAX_VALUE),
            params.intParam("hedge_target", 0, 0, Integer.MAX_VALUE),
            params.intParam("max_take", 1, 1, Integer.MAX_VALUE),
            params.intParam("collar_ticks", 0, 0, Integer.MAX_VALUE));
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
        final double r = as.reservation(s, q, tau);
        final double h = as.halfSpread(tau);
        as.shaper.quote(in, s, r, h, as.orderSize, as.orderSize, out);

        final long excess = Math.abs(q) - target;
        if (Math.abs(q) < threshold)
        {
            return;
        }
        if (q > 0)
        {
            out.noBid();
            if (PriceLadder.NULL_PRICE != in.bestBid())
            {
                as.shaper.take(Side.SELL, in.bestBid() - collarTicks, Math.min(excess, maxTake), out);
            }
        }
        else
        {
            out.noAsk();
            if (PriceLadder.NULL_PRICE != in.bestAsk())
            {
                as.shaper.take(Side.BUY, in.bestAsk() + collarTicks, Math.min(excess, maxTake), out);
            }
        }
    }
}
