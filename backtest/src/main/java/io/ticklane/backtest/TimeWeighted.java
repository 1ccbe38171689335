package io.ticklane.backtest;

/**
 * Time-weighted mean and standard deviation of a step function of event time (inventory, "both sides quoted",
 * quoted spread): each value holds from the time it is set until the next change, and counts only while active.
 * Updated on changes only, never per market event; nothing is allocated.
 */
public final class TimeWeighted
{
    private long lastNs = Long.MIN_VALUE;
    private double value;
    private boolean active;
    private double activeNs;
    private double sum;
    private double sumOfSquares;

    /**
     * The value from {@code timeNs} on; the previous value is accounted up to {@code timeNs}.
     *
     * @param timeNs event time, non-decreasing across calls.
     * @param value  the new value.
     * @param active whether time from now on counts.
     */
    public void set(final long timeNs, final double value, final boolean active)
    {
        accumulate(timeNs);
        this.value = value;
        this.active = active;
    }

    /**
     * Accounts the current value up to {@code endNs} and stops counting.
     *
     * @param endNs end of the window.
     */
    public void finish(final long endNs)
    {
        accumulate(endNs);
        active = false;
    }

    private void accumulate(final long timeNs)
    {
        if (Long.MIN_VALUE != lastNs && active && timeNs > lastNs)
        {
            final double dt = timeNs - lastNs;
            activeNs += dt;
            sum += value * dt;
            sumOfSquares += value * value * dt;
        }
        if (timeNs > lastNs)
        {
            lastNs = timeNs;
        }
    }

    /**
     * @return time counted (active), ns.
     */
    public double activeNs()
    {
        return activeNs;
    }

    /**
     * @return time-weighted mean over the active time, or undefined when none.
     */
    public Statistic mean()
    {
        return activeNs > 0 ? Statistic.of(sum / activeNs) : Statistic.undefined("no time counted");
    }

    /**
     * @return time-weighted (population) standard deviation over the active time, or undefined when none.
     */
    public Statistic std()
    {
        if (activeNs <= 0)
        {
            return Statistic.undefined("no time counted");
        }
        final double mean = sum / activeNs;
        return Statistic.of(Math.sqrt(Math.max(0, sumOfSquares / activeNs - mean * mean)));
    }
}
