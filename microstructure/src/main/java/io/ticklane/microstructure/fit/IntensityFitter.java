package io.ticklane.microstructure.fit;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.intensity.ArrivalCurve;
import io.ticklane.microstructure.intensity.IntensityConfig;
import io.ticklane.microstructure.intensity.TradeDepth;

/**
 * Fits λ(δ) = A·e^(−kδ) per side over a whole replay, the offline counterpart of the {@code intensity_*} factors:
 * same δ ({@link TradeDepth}: from the mid of the last book before the trade), same buckets and fits
 * ({@link ArrivalCurve}), but every trade weighs 1 and λ is a count divided by the observed time.
 * <p>
 * The observed time runs from the first two-sided book (trades before it have no δ) to the last event seen. The
 * bucket counts are a sufficient statistic for both fits, so the fitter keeps them rather than every δ: memory does
 * not grow with the replay.
 */
public final class IntensityFitter
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final TradeDepth tradeDepth = new TradeDepth();
    private final ArrivalCurve bid;
    private final ArrivalCurve ask;
    private final int minBuckets;
    private boolean started;
    private long startNs;
    private long lastNs;

    /**
     * A fitter needing {@link IntensityConfig#DEFAULT_MIN_BUCKETS} buckets with trades per side.
     *
     * @param bucketTicks bucket width, ticks (e.g. 0.5).
     * @param buckets     number of buckets (e.g. 40 for δ up to 20 ticks).
     */
    public IntensityFitter(final double bucketTicks, final int buckets)
    {
        this(bucketTicks, buckets, IntensityConfig.DEFAULT_MIN_BUCKETS);
    }

    /**
     * @param bucketTicks bucket width, ticks.
     * @param buckets     number of buckets, at least 2.
     * @param minBuckets  fewest buckets in a side's fit range for a result, 2..buckets.
     */
    public IntensityFitter(final double bucketTicks, final int buckets, final int minBuckets)
    {
        this.bid = new ArrivalCurve(bucketTicks, buckets);
        this.ask = new ArrivalCurve(bucketTicks, buckets);
        if (minBuckets < 2 || minBuckets > buckets)
        {
            throw new IllegalArgumentException("min buckets must be between 2 and " + buckets + ": " + minBuckets);
        }
        this.minBuckets = minBuckets;
    }

    /**
     * @param event the next event of the replay, in order.
     */
    public void onEvent(final MarketEvent event)
    {
        final int side = tradeDepth.onEvent(event);
        if (!started && MarketEvent.BOOK == event.kind() && !Double.isNaN(tradeDepth.referenceMid()))
        {
            started = true;
            startNs = event.timeNs();
        }
        if (started)
        {
            lastNs = Math.max(lastNs, event.timeNs());
        }
        if (TradeDepth.BID == side)
        {
            bid.add(tradeDepth.depth());
        }
        else if (TradeDepth.ASK == side)
        {
            ask.add(tradeDepth.depth());
        }
    }

    /**
     * @return the fit of the events so far; A is NaN while no time has been observed, a side is NaN while it has
     *     fewer than the minimum buckets with trades.
     */
    public IntensityFit fit()
    {
        final double elapsedSeconds = started ? (lastNs - startNs) / NANOS_PER_SECOND : 0;
        bid.fit(minBuckets);
        ask.fit(minBuckets);
        return new IntensityFit(
            elapsedSeconds,
            minBuckets,
            tradeDepth.unknownAggressor(),
            tradeDepth.noReferenceMid(),
            new SideIntensityFit("bid", tradeDepth.measured(TradeDepth.BID), tradeDepth.insideMid(TradeDepth.BID), bid,
                elapsedSeconds),
            new SideIntensityFit("ask", tradeDepth.measured(TradeDepth.ASK), tradeDepth.insideMid(TradeDepth.ASK), ask,
                elapsedSeconds));
    }

    /**
     * @return {@link #fit()} as a text report.
     */
    public String report()
    {
        return fit().report();
    }

    /**
     * @return {@link #fit()} as JSON.
     */
    public String toJson()
    {
        return fit().toJson();
    }
}
