package io.ticklane.backtest;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * The latency a backtest actually assumed, measured on its own event times, so a reader sees what the models did
 * rather than what they were told: from the exchange time of the market event the strategy answered to the order's
 * arrival at the venue (feed + entry), and from a new order's send to its acknowledgement (or reject) reaching the
 * strategy (entry + response). Histograms cover 1 ns to 1 hour at 3 significant digits and are preallocated, so
 * recording allocates nothing; new orders wait for their answer in a map that grows only past 512 in flight.
 */
public final class RealisedLatency
{
    /** No market event caused the order (it answered a report or a timer). */
    static final long NO_CAUSE = Long.MIN_VALUE;

    private static final long HIGHEST_NS = 3_600_000_000_000L;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final Long2LongHashMap newOrderSentNs = new Long2LongHashMap(1024, 0.5f, Long.MIN_VALUE);

    private final Histogram tickToVenueArrival = new Histogram(1, HIGHEST_NS, 3);
    private final Histogram orderRoundTrip = new Histogram(1, HIGHEST_NS, 3);

    /**
     * An order frame the venue took.
     *
     * @param msgTypeId       its template id.
     * @param buffer          holding the frame, with its message header.
     * @param index           where it starts.
     * @param arrivalNs       when it arrives at the venue.
     * @param causeExchangeNs exchange time of the market event the strategy was handling, or {@link #NO_CAUSE}.
     */
    void onOrder(
        final int msgTypeId, final DirectBuffer buffer, final int index, final long arrivalNs, final long causeExchangeNs)
    {
        if (NO_CAUSE != causeExchangeNs)
        {
            tickToVenueArrival.recordValue(clamp(arrivalNs - causeExchangeNs));
        }
        if (NewOrderEncoder.TEMPLATE_ID == msgTypeId)
        {
            newOrder.wrapAndApplyHeader(buffer, index, header.wrap(buffer, index));
            newOrderSentNs.put(newOrder.clientOrderId(), newOrder.sendingTimeNs());
        }
    }

    /**
     * A report the venue produced: a new order's first answer (ACK or reject) ends its round trip.
     *
     * @param report a decoder wrapped over the report.
     */
    void onReport(final ExecutionReportDecoder report)
    {
        final ExecType execType = report.execType();
        if (ExecType.ACK == execType || ExecType.REJECTED == execType)
        {
            final long sentNs = newOrderSentNs.remove(report.clientOrderId());
            if (Long.MIN_VALUE != sentNs)
            {
                orderRoundTrip.recordValue(clamp(report.localTimeNs() - sentNs));
            }
        }
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
