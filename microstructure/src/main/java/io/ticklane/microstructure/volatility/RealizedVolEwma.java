package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;

/**
 * Realised volatility of the mid as a time-normalised exponentially weighted average of squared mid log-returns,
 * in units of log-return per square-root second: the quoter's σ for Avellaneda–Stoikov / GLFT, tracking changes of
 * regime within a few half-lives.
 * <p>
 * On each change of mid m (ticks) at time t, with r = ln(m / m<sub>prev</sub>) and Δt = t − t<sub>prev</sub> in
 * seconds since the previous change:
 * <pre>
 *   decay = exp(−Δt / τ),  τ = half_life / ln 2
 *   v ← decay · v + (1 − decay) · r² / Δt
 *   w ← decay · w + (1 − decay)          (w = 1 − exp(−elapsed / τ), the weight the average already has)
 *   σ = √(v / w)
 * </pre>
 * r²/Δt is the variance rate over the interval between two mid changes (the mid is a step function, so this is its
 * quadratic variation per second there); weighting the interval by (1 − decay) is the exact integral of an
 * exponential kernel of time constant τ over it, so irregular spacing is handled without bias for a Brownian mid
 * (realised variance as in Andersen, Bollerslev, Diebold &amp; Labys 2001, JASA 96, §2; smoothed with the RiskMetrics
 * (J.P. Morgan 1996) EWMA taken to irregular time, i.e. the EMA operator of Zumbach &amp; Müller 2001, "Operators on
 * inhomogeneous time series", IJTAF 4(1)). Dividing by w removes the bias of starting from v = 0.
 * <p>
 * Definition choices: only BOOK events whose mid (both sides present) differs from the last sampled mid are
 * observations; a quiet period is accounted for by the next change, whose r²/Δt is then small and whose weight is
 * large; the value does not decay between changes. <b>Δt = 0</b>: several mid changes with one timestamp are one
 * observation from the last mid before that timestamp to the last mid at it (the previous update is undone and redone
 * with the combined return, O(1)); if the mid returns to where it was, the timestamp leaves no observation.
 * A timestamp earlier than the last one (out-of-order receive times) is treated as equal to it.
 * <p>
 * Warm-up: NaN until the observations span one half-life (w ≥ 1/2).
 */
public final class RealizedVolEwma extends Factor
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final double tauNs;

    private final MidChanges changes = new MidChanges();
    private double variance;
    private double weight;
    private double referenceVariance;
    private double referenceWeight;

    /**
     * @param id           factor id.
     * @param halfLifeMs   half-life of the weights in milliseconds of event time, positive.
     */
    public RealizedVolEwma(final String id, final double halfLifeMs)
    {
        super(id);
        if (!(halfLifeMs > 0))
        {
            throw new IllegalArgumentException("half-life must be positive: " + halfLifeMs);
        }
        this.tauNs = halfLifeMs * 1e6 / Math.log(2.0);
    }

    public void onEvent(final MarketEvent event)
    {
        switch (changes.onEvent(event))
        {
            case MidChanges.NEW:
                referenceVariance = variance;
                referenceWeight = weight;
                observe();
                break;
            case MidChanges.REVISE:
                observe();
                break;
            case MidChanges.UNDO:
                variance = referenceVariance; // back where it was before this timestamp: undo the observation
                weight = referenceWeight;
                break;
            default:
                break;
        }
    }

    private void observe()
    {
        final double dtNs = (double)(changes.timeNs() - changes.referenceTimeNs());
        final double r = Math.log((double)changes.twiceMid() / (double)changes.referenceTwiceMid());
        final double decay = Math.exp(-dtNs / tauNs);
        variance = decay * referenceVariance + (1.0 - decay) * (r * r) * (NANOS_PER_SECOND / dtNs);
        weight = decay * referenceWeight + (1.0 - decay);
    }

    public double value()
    {
        return weight >= 0.5 ? Math.sqrt(variance / weight) : Double.NaN;
    }
}
