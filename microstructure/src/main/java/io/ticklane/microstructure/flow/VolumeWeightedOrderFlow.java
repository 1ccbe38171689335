package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Volume-weighted (notional) order flow, {@code vw_order_flow}: the decayed signed notional over the decayed
 * notional,
 * <pre>
 * vw_order_flow(t) = sum_i a_i q_i |p_i| w_i / sum_i q_i |p_i| w_i,   w_i = 2^(-(t - t_i)/h)
 * </pre>
 * over trades with a known aggressor a_i = +-1, q_i lots, p_i price in ticks, h = half_life_ms. Dimensionless, in
 * [-1, 1]: +1 when all recent notional was bought by takers. The notional-weighted form of the trade imbalance of
 * Chordia &amp; Subrahmanyam (2004), "Order imbalance and individual stock returns", JFE 72.
 * <p>
 * Definition choices: trades with unknown aggressor are left out of both sums (they would only shrink the ratio
 * towards 0); prices enter as magnitudes so the weight is never negative. A ratio needs no warm-up beyond having
 * volume: NaN until the first trade with a known aggressor (and after the sums underflow to 0 in a long silence).
 */
public final class VolumeWeightedOrderFlow extends Factor
{
    private final ExponentialDecay decay;
    private double signedNotional;
    private double notional;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param halfLifeMs kernel half-life, ms, positive.
     */
    public VolumeWeightedOrderFlow(final String id, final double halfLifeMs)
    {
        super(id);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        final double factor = decay.advance(event.timeNs());
        signedNotional *= factor;
        notional *= factor;
        if (MarketEvent.TRADE == event.kind() && 0 != event.aggressor())
        {
            final double tradeNotional = event.tradeQuantity() * Math.abs(event.tradePrice());
            notional += tradeNotional;
            signedNotional += event.aggressor() * tradeNotional;
        }
        value = notional > 0 ? signedNotional / notional : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
