package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.MarketEvent;

/**
 * The trade-depth measurement and decaying arrival counts of one side, which the A, k and R² factors of that side
 * would otherwise each keep and refit identically on every trade. One instance is shared by the factors created from
 * one spec with the same side and configuration; the first factor attached (the first in the spec, so the first the
 * engine calls on each event) advances it, the others read it after. Bit for bit what separate copies would give.
 */
final class SideArrivals
{
    private final int side;
    private final TradeDepth tradeDepth = new TradeDepth();
    private final DecayingArrivals arrivals;
    private Object owner;

    /**
     * Identifies a side's estimator: factors with equal keys may share it.
     *
     * @param side   {@link TradeDepth#BID} or {@link TradeDepth#ASK}.
     * @param config bucket, decay and warm-up parameters.
     */
    record Key(int side, IntensityConfig config)
    {
    }

    SideArrivals(final int side, final IntensityConfig config)
    {
        this.side = side;
        this.arrivals = new DecayingArrivals(config.bucketTicks(), config.buckets(), config.halfLifeMs(), config.minBuckets());
    }

    /**
     * @param factor a factor reading this estimator.
     * @return true if it is the one that advances it (the first attached).
     */
    boolean attach(final Object factor)
    {
        if (null == owner)
        {
            owner = factor;
        }
        return owner == factor;
    }

    /**
     * Measures the event and feeds the side's trades to the arrival counts; once per event.
     */
    void onEvent(final MarketEvent event)
    {
        final int measured = tradeDepth.onEvent(event);
        if (MarketEvent.BOOK == event.kind() && !Double.isNaN(tradeDepth.referenceMid()))
        {
            arrivals.start(event.timeNs());
        }
        else if (side == measured)
        {
            arrivals.onTrade(event.timeNs(), tradeDepth.depth());
        }
    }

    TradeDepth tradeDepth()
    {
        return tradeDepth;
    }

    DecayingArrivals arrivals()
    {
        return arrivals;
    }
}
