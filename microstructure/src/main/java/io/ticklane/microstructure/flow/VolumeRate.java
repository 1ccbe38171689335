package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Traded volume intensity, {@code volume_rate}: the exponential-kernel estimate of lots traded per second,
 * <pre>
 * v(t) = (ln 2 / h) sum_{t_i &lt;= t} q_i 2^(-(t - t_i)/h)
 * </pre>
 * h = half_life_ms, q_i lots. The volume-weighted counterpart of {@link TradeRate}, carried in closed form between
 * events, exact for the kernel.
 * <p>
 * Every print counts. Warm-up: NaN until one half-life of event time has passed since the first event.
 */
public final class VolumeRate extends Factor
{
    private final ExponentialDecay decay;
    private double volume;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param halfLifeMs kernel half-life, ms, positive.
     */
    public VolumeRate(final String id, final double halfLifeMs)
    {
        super(id);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        volume *= decay.advance(event.timeNs());
        if (MarketEvent.TRADE == event.kind())
        {
            volume += event.tradeQuantity();
        }
        value = decay.warm() ? decay.perSecond(volume) : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
