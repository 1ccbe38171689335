package io.ticklane.microstructure.toxicity;

import java.util.function.DoubleConsumer;

/**
 * Turns a stream of trades into equal-volume buckets and VPIN, shared by the {@code vpin} and {@code vpin_cdf}
 * factors so both see the same buckets.
 * <p>
 * Buckets hold exactly {@code bucketVolume} lots: a trade that overflows the open bucket is split, its remainder
 * filling the next buckets (a trade of k·V lots closes k buckets in one call, amortised O(1) per bucket; past one
 * more bucket than this estimator's σ window, VPIN window and its listener's history together, the rest of the
 * trade's buckets, all identical, are counted, not looped over: a hostile quantity costs at most that many bucket
 * closes on the trading thread, not a million). A bucket's
 * close is the price of the trade that completes it. Classification follows {@link TradeClassification}; for BVC
 * each closed bucket's change against the previous close goes to a {@link BulkVolumeClassifier} (one bar per
 * bucket), and buckets closed before σ exists are not classified and do not enter the window. Classified buckets go
 * to a {@link VpinWindow} normalised by window volume (= n·V). Every trade with positive quantity counts, whatever
 * its type (regular, hidden, cross): VPIN measures all volume.
 */
final class VpinEstimator
{
    private final long bucketVolume;
    private final TradeClassification classification;
    private final BulkVolumeClassifier bvc;
    private final VpinWindow window;
    private final DoubleConsumer onBucketClosed;
    /**
     * Identical buckets after which more change only the count: enough to fill the σ window, then the VPIN window
     * (buckets are classified only once σ exists), then the listener's history (fed once VPIN exists), each in turn.
     */
    private final int identicalBucketsThatMatter;

    private long filled;
    private double bucketBuyVolume;
    private double previousClose = Double.NaN;
    private double lastPrice = Double.NaN;
    private int tickSign;
    private long bucketsClosed;

    /**
     * @param bucketVolume   V, lots per bucket.
     * @param window         n, classified buckets in the VPIN window.
     * @param sigmaWindow    bucket price changes σ_ΔP is estimated over (BVC only).
     * @param classification how volume is split into buys and sells.
     * @param onBucketClosed told VPIN (NaN while warming up) after each bucket closes; may be null.
     * @param history        buckets {@code onBucketClosed} remembers (0 without a listener).
     */
    VpinEstimator(
        final long bucketVolume,
        final int window,
        final int sigmaWindow,
        final TradeClassification classification,
        final DoubleConsumer onBucketClosed,
        final int history)
    {
        this.bucketVolume = bucketVolume;
        this.classification = classification;
        this.bvc = TradeClassification.BVC == classification ? new BulkVolumeClassifier(sigmaWindow) : null;
        this.window = new VpinWindow(window, VpinWindow.Normalisation.WINDOW_VOLUME);
        this.onBucketClosed = onBucketClosed;
        this.identicalBucketsThatMatter = (null == bvc ? 0 : sigmaWindow) + window + history + 1;
    }

    /**
     * @param price     trade price in ticks.
     * @param quantity  lots; trades of zero or negative quantity are ignored.
     * @param aggressor +1 buyer-initiated, −1 seller-initiated, 0 unknown.
     * @return buckets closed by this trade.
     */
    int onTrade(final double price, final long quantity, final int aggressor)
    {
        if (quantity <= 0 || price != price)
        {
            return 0;
        }

        if (price > lastPrice)
        {
            tickSign = 1;
        }
        else if (price < lastPrice)
        {
            tickSign = -1;
        }
        lastPrice = price;
        final double buyShare = buyShare(aggressor);

        long remaining = quantity;
        int closed = 0;
        while (remaining > 0)
        {
            if (closed > identicalBucketsThatMatter && 0 == filled && remaining >= bucketVolume)
            {
                // every further full bucket of this trade is the last one again (same buy share, same close, no
                // price change), and every window, sigma window and history already holds only such buckets: count
                // them without the loop, or a hostile quantity (2^62 lots) spins the trading thread for ever
                final long identical = remaining / bucketVolume;
                bucketsClosed += identical;
                closed = (int)Math.min(Integer.MAX_VALUE, closed + identical);
                remaining -= identical * bucketVolume;
                continue;
            }
            final long take = Math.min(remaining, bucketVolume - filled);
            filled += take;
            bucketBuyVolume += buyShare * take;
            remaining -= take;
            if (filled == bucketVolume)
            {
                closeBucket(price);
                closed++;
            }
        }
        return closed;
    }

    /**
     * @return VPIN after the latest closed bucket, NaN while warming up.
     */
    double value()
    {
        return window.value();
    }

    /**
     * @return buckets closed so far.
     */
    long bucketsClosed()
    {
        return bucketsClosed;
    }

    private double buyShare(final int aggressor)
    {
        if (TradeClassification.AGGRESSOR == classification && 0 != aggressor)
        {
            return aggressor > 0 ? 1.0 : 0.0;
        }
        return 0 == tickSign ? 0.5 : (tickSign > 0 ? 1.0 : 0.0);
    }

    private void closeBucket(final double close)
    {
        bucketsClosed++;
        final double volume = bucketVolume;
        final double vpin;
        if (null != bvc)
        {
            final double change = close - previousClose;
            previousClose = close;
            final double buyFraction = change == change ? bvc.buyFraction(change) : Double.NaN;
            vpin = buyFraction == buyFraction ? window.onBucket(volume, volume * buyFraction) : window.value();
        }
        else
        {
            vpin = window.onBucket(volume, bucketBuyVolume);
        }
        filled = 0;
        bucketBuyVolume = 0.0;
        if (null != onBucketClosed)
        {
            onBucketClosed.accept(vpin);
        }
    }
}
