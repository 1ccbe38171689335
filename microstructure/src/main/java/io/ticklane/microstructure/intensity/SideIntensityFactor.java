package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Shared event handling of the per-side intensity factors: measure δ against the mid of the last book
 * ({@link TradeDepth}), open the decay window at the first two-sided book and feed the side's trades to its
 * {@link DecayingArrivals}. Subclasses choose which estimate is their value.
 */
abstract class SideIntensityFactor extends Factor
{
    private final int side;
    private final TradeDepth tradeDepth = new TradeDepth();
    private final DecayingArrivals arrivals;

    SideIntensityFactor(final String id, final int side, final IntensityConfig config)
    {
        super(id);
        if (TradeDepth.BID != side && TradeDepth.ASK != side)
        {
            throw new IllegalArgumentException("side must be TradeDepth.BID or TradeDepth.ASK: " + side);
        }
        this.side = side;
        this.arrivals = new DecayingArrivals(config.bucketTicks(), config.buckets(), config.halfLifeMs(), config.minBuckets());
    }

    public final void onEvent(final MarketEvent event)
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
        update(arrivals, event.timeNs());
    }

    /**
     * Refreshes the value after an event.
     *
     * @param arrivals the side's estimator, already updated.
     * @param timeNs   event time.
     */
    abstract void update(DecayingArrivals arrivals, long timeNs);

    /**
     * @return {@link TradeDepth#BID} or {@link TradeDepth#ASK}.
     */
    public final int side()
    {
        return side;
    }

    /**
     * @return trade classification and exclusion counts (both sides) as seen by this factor.
     */
    public final TradeDepth tradeDepth()
    {
        return tradeDepth;
    }

    /**
     * @return trades of this side that entered the estimate.
     */
    public final long tradesUsed()
    {
        return arrivals.trades();
    }
}
