package io.ticklane.gateway.sim.venue;

/**
 * The three delays between the strategy and the venue. Feed: an exchange event becomes known to the strategy.
 * Entry: an order sent by the strategy becomes live at the venue (nothing before that touches it). Response: a
 * report produced by the venue reaches the strategy. Models may learn from the feed ({@link #onMarketData}), which
 * the venue calls for every market data frame before it asks for entry or response latencies.
 */
public interface LatencyModel
{
    /**
     * @param exchangeTimeNs exchange time of a market data frame (0 = unknown).
     * @param receiveTimeNs  capture time of the frame at our host (0 = unknown).
     */
    default void onMarketData(final long exchangeTimeNs, final long receiveTimeNs)
    {
    }

    /**
     * @param exchangeTimeNs exchange time of a market data frame.
     * @param receiveTimeNs  capture time of the frame.
     * @return when the strategy sees the frame, epoch ns.
     */
    long feedArrivalNs(long exchangeTimeNs, long receiveTimeNs);

    /**
     * @param sendTimeNs when the strategy sent the order.
     * @return delay until the venue acts on it, ns, {@code >= 0}.
     */
    long entryLatencyNs(long sendTimeNs);

    /**
     * @param venueTimeNs when the venue produced the report.
     * @return delay until the strategy has it, ns, {@code >= 0}.
     */
    long responseLatencyNs(long venueTimeNs);

    /**
     * @return short description for reports.
     */
    String name();
}
