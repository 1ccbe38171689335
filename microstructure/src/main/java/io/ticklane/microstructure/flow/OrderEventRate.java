package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Limit order arrival or cancel intensity at the top of the book, {@code order_arrival_rate} and
 * {@code order_cancel_rate}: lots arrived (L3 ADD; L2 quantity increases) or cancelled (L3 CANCEL and DELETE; L2
 * decreases not explained by trades) within the top {@code levels} levels per side, per second, estimated with an
 * exponential kernel of half-life h = half_life_ms:
 * <pre>
 * rate(t) = (ln 2 / h) sum_{t_i &lt;= t} q_i 2^(-(t - t_i)/h)
 * </pre>
 * carried between events in closed form, exact for the kernel. The order-flow intensities of the queueing models of
 * Cont, Stoikov &amp; Talreja (2010), "A stochastic model for order book dynamics", Operations Research 58(3),
 * measured in lots (not orders) so that L2 and L3 feeds give the same unit.
 * <p>
 * Which lots count, and the L2 approximation, are described in {@code BookChangeFlow} and {@code FACTORS.md}.
 * Warm-up: NaN until one half-life of event time has passed since the first event.
 */
public final class OrderEventRate extends Factor
{
    /**
     * Which of the book's order events the rate counts.
     */
    public enum Kind
    {
        /** Lots added to the book. */
        ARRIVAL,
        /** Lots cancelled from the book. */
        CANCEL
    }

    private final boolean arrivals;
    private final BookChangeFlow flow;
    private final ExponentialDecay decay;
    private double lots;
    private double value = Double.NaN;

    /**
     * @param id         factor id.
     * @param kind       arrivals or cancels.
     * @param halfLifeMs kernel half-life, ms, positive.
     * @param levels     levels per side that count, 1..{@value OfiMultiLevel#MAX_LEVELS}.
     */
    public OrderEventRate(final String id, final Kind kind, final double halfLifeMs, final int levels)
    {
        super(id);
        if (levels < 1 || levels > OfiMultiLevel.MAX_LEVELS)
        {
            throw new IllegalArgumentException(
                id + ": levels must be between 1 and " + OfiMultiLevel.MAX_LEVELS + ": " + levels);
        }
        this.arrivals = Kind.ARRIVAL == kind;
        this.flow = new BookChangeFlow(levels);
        this.decay = new ExponentialDecay(halfLifeMs);
    }

    public void onEvent(final MarketEvent event)
    {
        lots *= decay.advance(event.timeNs());
        flow.onEvent(event);
        lots += arrivals ? flow.arrived() : flow.cancelled();
        value = decay.warm() ? decay.perSecond(lots) : Double.NaN;
    }

    public double value()
    {
        return value;
    }
}
