package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Trade intensity, {@code trade_rate}: the exponential-kernel estimate of the trade arrival rate,
 * <pre>
 * lambda(t) = (ln 2 / h) sum_{t_i &lt;= t} 2^(-(t - t_i)/h)
 * </pre>
 * in trades per second, h = half_life_ms. The kernel {@code (ln 2/h) 2^(-s/h)} integrates to 1, so for a Poisson
 * stream of rate lambda the estimate has mean lambda once the history is long against h (kernel intensity estimation
 * as in Ramlau-Hansen 1983); the sum is carried between events in closed form ({@code S <- S 2^(-dt/h) + 1}), exact
 * for the kernel, not an approximation of a window.
 * <p>
 * Every print counts, whatever its aggressor or type. Warm-up: NaN until one half-life of event time has passed
 * since the first event (observed kernel mass at least 1/2; before that the estimate is biased low).
 */
public final class TradeRate extends Factor
{
    private final ExponentialDecay decay;
    private double count;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param halfLifeMs kernel half-life, ms, positive.
     */
    public TradeRate(final String id, final double halfLifeMs)
    {
        super(id);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        count *= decay.advance(event.timeNs());
        if (MarketEvent.TRADE == event.kind())
        {
            count += 1.0;
        }
        value = decay.warm() ? decay.perSecond(count) : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
