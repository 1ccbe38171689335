package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * VPIN, the volume-synchronised probability of informed trading: how one-sided recent volume has been, a measure
 * of the adverse selection a market maker faces. Easley, López de Prado &amp; O'Hara, "Flow Toxicity and Liquidity
 * in a High-Frequency World", Review of Financial Studies 25(5), 2012, the
 * section defining the VPIN procedure:
 * <pre>
 *   trades fill equal buckets of V lots (a trade that overflows a bucket is split)
 *   V_B,τ = V · Φ(ΔP_τ / σ_ΔP),  V_S,τ = V − V_B,τ        (bulk volume classification, one bar per bucket)
 *   VPIN  = Σ_{τ = last n buckets} |V_S,τ − V_B,τ| / (n · V)
 * </pre>
 * ΔP_τ is bucket τ's close minus the previous bucket's close in ticks, σ_ΔP the sample standard deviation of the
 * last {@code sigma_window} such changes (the current one included), Φ the standard normal CDF ({@link NormalCdf}).
 * Unit: a fraction in [0, 1]. Updated only when a bucket closes; between closes it holds the latest value.
 * <p>
 * Warm-up: NaN until n classified buckets exist, i.e. {@code sigma_window + n} buckets for BVC (the first change
 * needs a previous close, σ needs {@code sigma_window} changes) and n buckets for the tick rule or aggressor side.
 * <p>
 * Definition choices: BVC uses one bar per bucket rather than the paper's one-minute bars inside buckets (no time
 * bars on a per-event path; it is also how mlfinlab computes it); σ is estimated over a rolling window of buckets
 * because the paper's whole-sample σ is not available online. See {@link BulkVolumeClassifier},
 * {@link VpinWindow} and {@link TradeClassification}. Parameters: {@code bucket_volume} (V, lots, default 50 — size
 * it to about a fiftieth of the instrument's daily volume as the paper does), {@code window} (n, default 50),
 * {@code sigma_window} (default n, at least 2), {@code classification} ({@code bvc} default, {@code tick},
 * {@code aggressor}).
 * <p>
 * O(1) per trade, amortised O(1) per bucket; BOOK events are ignored.
 */
public final class Vpin extends Factor
{
    private final VpinEstimator estimator;

    /**
     * @param id             factor id.
     * @param bucketVolume   V, lots per bucket, positive.
     * @param window         n, buckets in the window, at least 1.
     * @param sigmaWindow    changes σ_ΔP is estimated over, at least 2 (used by BVC only).
     * @param classification how bucket volume is split into buys and sells.
     */
    public Vpin(
        final String id,
        final long bucketVolume,
        final int window,
        final int sigmaWindow,
        final TradeClassification classification)
    {
        super(id);
        ToxicityFactors.validate(id, bucketVolume, window, sigmaWindow, classification);
        this.estimator = new VpinEstimator(bucketVolume, window, sigmaWindow, classification, null, 0);
    }

    public void onEvent(final MarketEvent event)
    {
        if (MarketEvent.TRADE == event.kind())
        {
            estimator.onTrade(event.tradePrice(), event.tradeQuantity(), event.aggressor());
        }
    }

    public double value()
    {
        return estimator.value();
    }

    /**
     * @return buckets closed so far, for tests and diagnostics.
     */
    public long bucketsClosed()
    {
        return estimator.bucketsClosed();
    }
}
