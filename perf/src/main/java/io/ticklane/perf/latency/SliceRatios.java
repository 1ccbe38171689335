package io.ticklane.perf.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a tick-to-quote run's echo baseline held, and the pipeline ÷ echo ratio it supports, from the slices the
 * run alternated: per slice the pipeline's and the echo's p50 and p99, per slice their ratios, and across slices the
 * median ratio with its spread (min, quartiles, max). One merged ratio hides a baseline that was slow in one phase of a
 * shared machine and fast in another; per-slice ratios show it, and their spread says how far one run can be trusted.
 * <p>
 * <b>The rule.</b> The echo is the same path with nothing in the middle, so it must not be slower than the pipeline
 * it bounds. A run is <b>INVALID</b> when the echo's p50 is above the pipeline's p50 over the whole run (the merged
 * histograms), or in at least half of the slices, a slice with no sample on either side counting as such a slice
 * (a tie is not a baseline that held). An INVALID run reports no ratio. Equal p50s are not "worse".
 * <p>
 * Quantiles across slices are linearly interpolated between order statistics (the estimator of R's default, type
 * 7, and numpy's): for sorted {@code x[0..n-1]} and probability {@code p}, {@code h = (n - 1) p}, the value is
 * {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}; the median is {@code p = 0.5}.
 */
public final class SliceRatios
{
    /** The rule, as reports state it. */
    public static final String RULE = "INVALID when the echo's p50 is above the pipeline's over the whole run, or in " +
        "at least half of the slices (a slice with no sample on either side counts as such)";

    /**
     * One slice pair: the pipeline's slice and the echo's next to it, values in µs.
     *
     * @param index         1-based.
     * @param pipelineCount samples the pipeline recorded in its slice.
     * @param pipelineP50   its p50, µs.
     * @param pipelineP99   its p99, µs.
     * @param echoCount     samples the echo recorded in its slice.
     * @param echoP50       its p50, µs.
     * @param echoP99       its p99, µs.
     */
    public record Slice(
        int index,
        long pipelineCount,
        double pipelineP50,
        double pipelineP99,
        long echoCount,
        double echoP50,
        double echoP99)
    {
        /**
         * @return pipeline p50 ÷ echo p50, NaN when a side recorded nothing or the echo's p50 is 0.
         */
        public double ratioP50()
        {
            return ratio(pipelineP50, echoP50);
        }

        /**
         * @return pipeline p99 ÷ echo p99, NaN when a side recorded nothing or the echo's p99 is 0.
         */
        public double ratioP99()
        {
            return ratio(pipelineP99, echoP99);
        }

        /**
         * @return true when the echo's p50 is above the pipeline's, or a side recorded nothing.
         */
        public boolean baselineWorse()
        {
            return empty() || echoP50 > pipelineP50;
        }

        private boolean empty()
        {
            return 0 == pipelineCount || 0 == echoCount;
        }

        private double ratio(final double pipeline, final double echo)
        {
            return empty() || !(echo > 0) ? Double.NaN : pipeline / echo;
        }
    }

    /**
     * A ratio's distribution across the slices that have one.
     *
     * @param count  slices with a ratio.
     * @param min    smallest.
     * @param q1     first quartile.
     * @param median median.
     * @param q3     third quartile.
     * @param max    largest.
     */
    public record Spread(int count, double min, double q1, double median, double q3, double max)
    {
        /**
         * @return e.g. {@code 1.52 (IQR 1.31-1.70, min-max 1.10-2.40, 10 slices)}.
         */
        public String text()
        {
            return 0 == count ? "n/a (no slice has both sides)" : String.format(Locale.ROOT,
                "%.2f (IQR %.2f-%.2f, min-max %.2f-%.2f, %d slices)", median, q1, q3, min, max, count);
        }
    }

    private final List<Slice> slices;
    private final double pipelineP50;
    private final double echoP50;

    /**
     * @param slices      the slice pairs, at least one.
     * @param pipelineP50 the pipeline's p50 over the whole run (merged), µs.
     * @param echoP50     the echo's p50 over the whole run (merged), µs.
     */
    public SliceRatios(final List<Slice> slices, final double pipelineP50, final double echoP50)
    {
        if (slices.isEmpty())
        {
            throw new IllegalArgumentException("a run has at least one slice");
        }
        this.slices = List.copyOf(slices);
        this.pipelineP50 = pipelineP50;
        this.echoP50 = echoP50;
    }

    /**
     * @return the slice pairs, in order.
     */
    public List<Slice> slices()
    {
        return slices;
    }

    /**
     * @return slices in which the echo's p50 was above the pipeline's (or a side recorded nothing).
     */
    public int slicesBaselineWorse()
    {
        return (int)slices.stream().filter(Slice::baselineWorse).count();
    }

    /**
     * @return true unless the echo's p50 is above the pipeline's overall or in at least half of the slices.
     */
    public boolean valid()
    {
        return !overallBaselineWorse() && 2 * slicesBaselineWorse() < slices.size();
    }

    /**
     * @return why the run is INVALID, or "" when it is valid.
     */
    public String invalidReason()
    {
        final List<String> reasons = new ArrayList<>();
        if (overallBaselineWorse())
        {
            reasons.add(String.format(Locale.ROOT, "over the whole run the echo's p50 (%.2f us) is above the pipeline's " +
                "(%.2f us)", echoP50, pipelineP50));
        }
        final int worse = slicesBaselineWorse();
        if (2 * worse >= slices.size())
        {
            reasons.add(String.format(Locale.ROOT, "in %d of %d slices the echo's p50 is above the pipeline's or a " +
                "side recorded nothing (the rule allows fewer than half)", worse, slices.size()));
        }
        return String.join("; ", reasons);
    }

    /**
     * @return the per-slice pipeline ÷ echo p50 ratios' median and spread.
     */
    public Spread p50()
    {
        return spread(slices.stream().mapToDouble(Slice::ratioP50).toArray());
    }

    /**
     * @return the per-slice pipeline ÷ echo p99 ratios' median and spread.
     */
    public Spread p99()
    {
        return spread(slices.stream().mapToDouble(Slice::ratioP99).toArray());
    }

    /**
     * @return the pipeline's p50 over the whole run, µs.
     */
    public double pipelineP50()
    {
        return pipelineP50;
    }

    /**
     * @return the echo's p50 over the whole run, µs.
     */
    public double echoP50()
    {
        return echoP50;
    }

    private boolean overallBaselineWorse()
    {
        return !(echoP50 <= pipelineP50); // NaN (nothing recorded) is not a baseline that held
    }

    static Spread spread(final double[] values)
    {
        final double[] sorted = Arrays.stream(values).filter((value) -> !Double.isNaN(value)).sorted().toArray();
        if (0 == sorted.length)
        {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Spread(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
            sorted[sorted.length - 1]);
    }

    /**
     * @param sorted ascending, not empty.
     * @param p      probability in [0, 1].
     * @return the type-7 quantile.
     */
    static double quantile(final double[] sorted, final double p)
    {
        final double h = (sorted.length - 1) * p;
        final int below = (int)Math.floor(h);
        if (below + 1 >= sorted.length)
        {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
