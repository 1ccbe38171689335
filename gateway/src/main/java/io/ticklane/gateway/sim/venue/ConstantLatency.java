package io.ticklane.gateway.sim.venue;

/**
 * Fixed feed, order-entry and response delays: the baseline a backtest states up front, and the only choice when
 * the data has no local timestamps.
 */
public final class ConstantLatency implements LatencyModel
{
    private final long feedNs;
    private final long entryNs;
    private final long responseNs;

    /**
     * @param feedNs     exchange event to strategy.
     * @param entryNs    order send to venue.
     * @param responseNs venue report to strategy.
     */
    public ConstantLatency(final long feedNs, final long entryNs, final long responseNs)
    {
        if (feedNs < 0 || entryNs < 0 || responseNs < 0)
        {
            throw new IllegalArgumentException(
                "latencies must not be negative: feed=" + feedNs + " entry=" + entryNs + " response=" + responseNs);
        }
        this.feedNs = feedNs;
        this.entryNs = entryNs;
        this.responseNs = responseNs;
    }

    public long feedArrivalNs(final long exchangeTimeNs, final long receiveTimeNs)
    {
        return exchangeTimeNs + feedNs;
    }

    public long entryLatencyNs(final long sendTimeNs)
    {
        return entryNs;
    }

    public long responseLatencyNs(final long venueTimeNs)
    {
        return responseNs;
    }

    public String name()
    {
        return "constant(feed=" + feedNs + "ns,entry=" + entryNs + "ns,response=" + responseNs + "ns)";
    }
}
