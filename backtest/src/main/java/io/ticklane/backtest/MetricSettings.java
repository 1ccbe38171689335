package io.ticklane.backtest;

/**
 * How a backtest samples what it measures: the equity grid that Sharpe, Sortino, drawdown and Calmar are computed on,
 * the (finer) grid that feeds the report's charts, and the markout horizons. Grids are aligned to multiples of their
 * interval since the epoch, so samples fall on round UTC times.
 *
 * @param sampleIntervalNs  equity sampling interval for the risk statistics, ns; divides a day.
 * @param chartIntervalNs   sampling interval of the chart series, ns.
 * @param markoutHorizonsNs markout horizons, ns.
 */
public record MetricSettings(long sampleIntervalNs, long chartIntervalNs, long[] markoutHorizonsNs)
{
    /**
     * Nanoseconds in a UTC day.
     */
    public static final long DAY_NS = 86_400_000_000_000L;

    /**
     * The default equity sampling interval: one minute of event time.
     */
    public static final long DEFAULT_SAMPLE_INTERVAL_NS = 60_000_000_000L;

    /**
     * Markouts at 100 ms, 1 s, 10 s and 60 s.
     */
    public static final long[] DEFAULT_HORIZONS_NS = {100_000_000L, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L};

    /**
     * Validates the settings.
     */
    public MetricSettings
    {
        if (sampleIntervalNs <= 0 || DAY_NS % sampleIntervalNs != 0)
        {
            throw new IllegalArgumentException("sampling interval must be positive and divide a day: " + sampleIntervalNs + " ns");
        }
        if (chartIntervalNs <= 0)
        {
            throw new IllegalArgumentException("chart interval must be positive: " + chartIntervalNs + " ns");
        }
        markoutHorizonsNs = markoutHorizonsNs.clone();
    }

    /**
     * @return one-minute equity samples, one-second chart samples, the default markout horizons.
     */
    public static MetricSettings defaults()
    {
        return new MetricSettings(DEFAULT_SAMPLE_INTERVAL_NS, 1_000_000_000L, DEFAULT_HORIZONS_NS);
    }

    /**
     * @param spanNs time the data covers, ns.
     * @param points how many chart points at most to aim for.
     * @return a whole-millisecond chart interval giving at most about {@code points} samples over {@code spanNs}.
     */
    public static long chartIntervalFor(final long spanNs, final int points)
    {
        final long ms = 1_000_000L;
        final long raw = Math.max(1, spanNs / Math.max(1, points));
        return Math.max(ms, (raw + ms - 1) / ms * ms);
    }

    /**
     * @return a copy of the markout horizons, ns.
     */
    @Override
    public long[] markoutHorizonsNs()
    {
        return markoutHorizonsNs.clone();
    }
}
