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
    private final SideArrivals shared;
    private final boolean advances;

    SideIntensityFactor(final String id, final int side, final IntensityConfig config)
    {
        this(id, side, new SideArrivals(checkSide(side), config));
    }

    /**
     * @param shared the side's estimator, possibly shared with the side's other factors of the same spec.
     */
    SideIntensityFactor(final String id, final int side, final SideArrivals shared)
    {
        super(id);
        this.side = checkSide(side);
        this.shared = shared;
        this.advances = shared.attach(this);
    }

    private static int checkSide(final int side)
    {
        if (TradeDepth.BID != side && TradeDepth.ASK != side)
        {
            throw new IllegalArgumentException("side must be TradeDepth.BID or TradeDepth.ASK: " + side);
        }
        return side;
    }

    public final void onEvent(final MarketEvent event)
    {
        if (advances)
        {
            shared.onEvent(event);
        }
        update(shared.arrivals(), event.timeNs());
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
        return shared.tradeDepth();
    }

    /**
     * @return trades of this side that entered the estimate.
     */
    public final long tradesUsed()
    {
        return shared.arrivals().trades();
    }
}
