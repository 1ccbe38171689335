package io.ticklane.microstructure.flow;

/**
 * Event-time clock of an exponential kernel with half-life h: {@link #advance(long)} returns the factor
 * {@code 2^(-dt/h)} that carries decayed sums from the previous event to this one, so a sum
 * {@code S(t) = sum_i x_i 2^(-(t - t_i)/h)} is kept exactly (up to rounding) in O(1) per event.
 * <p>
 * Uses {@link StrictMath#exp(double)} so values are bit-identical whether the code runs interpreted or compiled.
 * Time that goes backwards (out-of-order receive stamps) decays nothing: the clock holds the latest time.
 */
final class ExponentialDecay
{
    private static final double LN2 = 0.6931471805599453;

    private final long halfLifeNs;
    private final double decayPerNs;
    private final double ratePerSecondPerUnit;
    private boolean started;
    private long firstNs;
    private long lastNs;

    ExponentialDecay(final double halfLifeMs)
    {
        final double halfLifeNsDouble = halfLifeMs * 1e6;
        this.halfLifeNs = Math.max(1, Math.round(halfLifeNsDouble));
        this.decayPerNs = LN2 / halfLifeNsDouble;
        this.ratePerSecondPerUnit = LN2 / (halfLifeMs * 1e-3);
    }

    /**
     * @param timeNs event time.
     * @return factor to multiply decayed sums by (1 on the first event or when time did not advance).
     */
    double advance(final long timeNs)
    {
        if (!started)
        {
            started = true;
            firstNs = timeNs;
            lastNs = timeNs;
            return 1.0;
        }
        final long dt = timeNs - lastNs;
        if (dt <= 0)
        {
            return 1.0;
        }
        lastNs = timeNs;
        return StrictMath.exp(-dt * decayPerNs);
    }

    /**
     * @return true once a half-life of event time has passed since the first event, so at least half of the
     * kernel's mass lies over observed time and a rate is no longer biased low by more than a factor 2.
     */
    boolean warm()
    {
        return started && lastNs - firstNs >= halfLifeNs;
    }

    /**
     * @param decayedSum {@code sum_i x_i 2^(-(t - t_i)/h)}.
     * @return the kernel intensity estimate {@code decayedSum * ln2 / h}, per second.
     */
    double perSecond(final double decayedSum)
    {
        return decayedSum * ratePerSecondPerUnit;
    }
}
