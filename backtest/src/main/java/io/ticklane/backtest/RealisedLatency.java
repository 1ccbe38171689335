package io.ticklane.backtest;

import org.HdrHistogram.Histogram;

/**
 * The latency a backtest actually assumed, measured on its own event times, so a reader sees what the models did
 * rather than what they were told: from the exchange time of the market event the strategy answered to the order's
 * arrival at the venue (feed + entry), and from a new order's send to its acknowledgement (or reject) reaching the
 * strategy (entry + response). Histograms cover 1 ns to 1 hour at 3 significant digits and are preallocated, so
 * recording allocates nothing.
 */
public final class RealisedLatency
{
    private static final long HIGHEST_NS = 3_600_000_000_000L;

    private final Histogram tickToVenueArrival = new Histogram(1, HIGHEST_NS, 3);
    private final Histogram orderRoundTrip = new Histogram(1, HIGHEST_NS, 3);

    /**
     * @param latencyNs exchange time of the causing market event to the order's venue arrival, ns.
     */
    void onTickToVenueArrival(final long latencyNs)
    {
        tickToVenueArrival.recordValue(clamp(latencyNs));
    }

    /**
     * @param latencyNs a new order's send to its first answer reaching the strategy, ns.
     */
    void onOrderRoundTrip(final long latencyNs)
    {
        orderRoundTrip.recordValue(clamp(latencyNs));
    }

    /**
     * @return the figures so far.
     */
    Figures figures()
    {
        return new Figures(Distribution.of(tickToVenueArrival), Distribution.of(orderRoundTrip));
    }

    private static long clamp(final long latencyNs)
    {
        return Math.min(HIGHEST_NS, Math.max(0, latencyNs));
    }

    /**
     * Both distributions of a run.
     *
     * @param tickToVenueArrival market event (exchange time) to the venue arrival of the order it caused.
     * @param orderRoundTrip     new order sent to its ACK or reject at the strategy.
     */
    public record Figures(Distribution tickToVenueArrival, Distribution orderRoundTrip)
    {
    }

    /**
     * One distribution, ns; all zero when nothing was recorded ({@code count} says so).
     *
     * @param count values recorded.
     * @param min   smallest.
     * @param p50   median.
     * @param p99   99th percentile.
     * @param max   largest.
     */
    public record Distribution(long count, long min, long p50, long p99, long max)
    {
        static Distribution of(final Histogram histogram)
        {
            final long count = histogram.getTotalCount();
            if (0 == count)
            {
                return new Distribution(0, 0, 0, 0, 0);
            }
            return new Distribution(count, histogram.getMinValue(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
        }

        /**
         * @return "min / p50 / p99" in microseconds, or "none" when nothing was recorded.
         */
        public String summary()
        {
            return 0 == count ? "none" :
                String.format("min %.1f / p50 %.1f / p99 %.1f us (%,d)", min / 1e3, p50 / 1e3, p99 / 1e3, count);
        }
    }
}
