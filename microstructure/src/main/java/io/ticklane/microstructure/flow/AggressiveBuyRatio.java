package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Share of taker volume that bought, {@code aggressive_buy_ratio}:
 * <pre>
 * B(t) = sum_{i: a_i = +1} q_i w_i,  S(t) = sum_{i: a_i = -1} q_i w_i,  w_i = 2^(-(t - t_i)/h)
 * aggressive_buy_ratio = B / (B + S)
 * </pre>
 * Dimensionless, in [0, 1]; 0.5 is balanced. The buyer-initiated share of Lee &amp; Ready (1991) classified volume,
 * here with the venue's aggressor flag and an exponential window of half-life h = half_life_ms.
 * <p>
 * NaN with no volume: before the first trade with a known aggressor (and after the sums underflow to 0). Trades with
 * unknown aggressor are not taker buys or sells and are left out.
 */
public final class AggressiveBuyRatio extends Factor
{
    private final ExponentialDecay decay;
    private double buyVolume;
    private double sellVolume;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param halfLifeMs kernel half-life, ms, positive.
     */
    public AggressiveBuyRatio(final String id, final double halfLifeMs)
    {
        super(id);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        final double factor = decay.advance(event.timeNs());
        buyVolume *= factor;
        sellVolume *= factor;
        if (MarketEvent.TRADE == event.kind())
        {
            if (event.aggressor() > 0)
            {
                buyVolume += event.tradeQuantity();
            }
            else if (event.aggressor() < 0)
            {
                sellVolume += event.tradeQuantity();
            }
        }
        final double total = buyVolume + sellVolume;
        value = total > 0 ? buyVolume / total : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
