package io.ticklane.microstructure.intensity;

/**
 * Parameter A of the order arrival intensity λ(δ) = A·e^(−kδ) on one side (Avellaneda &amp; Stoikov 2008 §2.3), fitted
 * online from time-decayed trade counts per δ bucket: A in trades per second at the current event time: the fitted
 * rate of trades reaching δ = 0 (the intercept e^{ln A}), brought forward with the window's decay and normaliser
 * (see DecayingArrivals), so it falls while no trades print.
 * <p>
 * δ is measured from the mid of the last book before the trade ({@link TradeDepth}); the curve, its fit range and
 * the fit are those of {@link ArrivalCurve}; decay and units those of {@link DecayingArrivals}. Warm-up: NaN until
 * the side's trades reach at least {@code min_buckets} buckets of the fit range. O(buckets) per trade, O(1) per book
 * event, nothing allocated.
 */
public final class IntensityA extends SideIntensityFactor
{
    private double value = Double.NaN;

    /**
     * @param id     factor id.
     * @param side   {@link TradeDepth#BID} (seller-initiated trades, δ = mid − P) or {@link TradeDepth#ASK}
     *               (buyer-initiated, δ = P − mid).
     * @param config bucket, decay and warm-up parameters.
     */
    public IntensityA(final String id, final int side, final IntensityConfig config)
    {
        super(id, side, config);
    }

    /**
     * @param id     factor id.
     * @param side   {@link TradeDepth#BID} or {@link TradeDepth#ASK}.
     * @param shared the side's estimator, shared with the side's other factors of the same spec.
     */
    IntensityA(final String id, final int side, final SideArrivals shared)
    {
        super(id, side, shared);
    }

    void update(final DecayingArrivals arrivals, final long timeNs)
    {
        value = arrivals.a(timeNs);
    }

    public double value()
    {
        return value;
    }
}
