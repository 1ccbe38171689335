package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Exponentially decayed signed trade volume, {@code signed_volume}:
 * {@code S(t) = sum_i a_i q_i 2^(-(t - t_i)/h)} over trades i at or before t, with a_i the aggressor (+1 buy, -1
 * sell, 0 unknown) and q_i lots; h = half_life_ms. Unit: lots. The net market order flow whose price impact Kyle
 * (1985) and Hasbrouck (1991) measure, with an exponential memory instead of a fixed interval.
 * <p>
 * Decays on every event (BOOK too), so the value at a book event is the sum as of that event's time. Trades with
 * unknown aggressor (crosses, auctions) add nothing. Warm-up: NaN until one half-life of event time has passed since
 * the first event, so the kernel's observed mass is at least half and the sum is not biased towards zero by the
 * missing history by more than that.
 */
public final class SignedVolume extends Factor
{
    private final ExponentialDecay decay;
    private double sum;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param halfLifeMs kernel half-life, ms, positive.
     */
    public SignedVolume(final String id, final double halfLifeMs)
    {
        super(id);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        sum *= decay.advance(event.timeNs());
        if (MarketEvent.TRADE == event.kind())
        {
            sum += (double)event.aggressor() * event.tradeQuantity();
        }
        value = decay.warm() ? sum : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
