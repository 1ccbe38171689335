package io.ticklane.gateway.sim.venue;

/**
 * Latency read from the data: the feed delay is the capture's own {@code receiveTimeNs − exchangeTimeNs}, and
 * order entry and response are fixed multiples of the latest such observation (a congested feed means a congested
 * path both ways). Rule: each market data frame with both times known and receive ≥ exchange sets
 * {@code observed = receive − exchange}; entry = max(minimum, round(entryMultiple × observed)), response likewise.
 * Until the first observation, {@code minimum} is used. Frames without a receive time are seen at exchange time +
 * observed.
 */
public final class FeedDerivedLatency implements LatencyModel
{
    private final double entryMultiple;
    private final double responseMultiple;
    private final long minimumNs;
    private long observedNs = -1;

    /**
     * @param entryMultiple    order entry latency as a multiple of the observed feed latency.
     * @param responseMultiple response latency as a multiple of the observed feed latency.
     * @param minimumNs        floor for both, and their value before any observation.
     */
    public FeedDerivedLatency(final double entryMultiple, final double responseMultiple, final long minimumNs)
    {
        if (!(entryMultiple >= 0) || !(responseMultiple >= 0) || minimumNs < 0)
        {
            throw new IllegalArgumentException("multiples and minimum must not be negative: entry=" + entryMultiple +
                " response=" + responseMultiple + " minimum=" + minimumNs);
        }
        this.entryMultiple = entryMultiple;
        this.responseMultiple = responseMultiple;
        this.minimumNs = minimumNs;
    }

    public void onMarketData(final long exchangeTimeNs, final long receiveTimeNs)
    {
        if (0 != exchangeTimeNs && 0 != receiveTimeNs && receiveTimeNs >= exchangeTimeNs)
        {
            observedNs = receiveTimeNs - exchangeTimeNs;
        }
    }

    public long feedArrivalNs(final long exchangeTimeNs, final long receiveTimeNs)
    {
        return 0 != receiveTimeNs ? receiveTimeNs : exchangeTimeNs + Math.max(0, observedNs);
    }

    public long entryLatencyNs(final long sendTimeNs)
    {
        return scaled(entryMultiple);
    }

    public long responseLatencyNs(final long venueTimeNs)
    {
        return scaled(responseMultiple);
    }

    /**
     * @return latest observed feed latency, ns, or -1 before the first.
     */
    public long observedFeedLatencyNs()
    {
        return observedNs;
    }

    public String name()
    {
        return "feed-derived(entry=" + entryMultiple + "x,response=" + responseMultiple + "x,min=" + minimumNs + "ns)";
    }

    private long scaled(final double multiple)
    {
        return observedNs < 0 ? minimumNs : Math.max(minimumNs, Math.round(multiple * observedNs));
    }
}
