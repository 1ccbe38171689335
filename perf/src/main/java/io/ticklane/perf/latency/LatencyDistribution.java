package io.ticklane.perf.latency;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;

/**
 * A latency distribution as a cumulative step function: at each value (ns, ascending), how many recorded values
 * were at or below it. Both file formats reduce to this exactly: an {@code .hlog} histogram's recorded buckets and
 * an {@code .hgrm}'s percentile rows, so reports, plots and summaries do not care where the numbers came from.
 * From an {@code .hgrm} a percentile between two rows is the upper row's value (conservative).
 */
public final class LatencyDistribution
{
    private final String name;
    private final long[] valuesNs;
    private final long[] cumulativeCounts;
    private final double ratePerSecond;

    /**
     * @param name             what was measured, e.g. the file name.
     * @param valuesNs         ascending, distinct values in nanoseconds.
     * @param cumulativeCounts for each value, the count at or below it; ascending, last one the total.
     * @param ratePerSecond    values recorded per second, or NaN when unknown.
     */
    public LatencyDistribution(final String name, final long[] valuesNs, final long[] cumulativeCounts, final double ratePerSecond)
    {
        if (valuesNs.length == 0 || valuesNs.length != cumulativeCounts.length)
        {
            throw new IllegalArgumentException(name + ": a distribution needs at least one value and one count per value");
        }
        for (int i = 1; i < valuesNs.length; i++)
        {
            if (valuesNs[i] <= valuesNs[i - 1] || cumulativeCounts[i] < cumulativeCounts[i - 1])
            {
                throw new IllegalArgumentException(name + ": values must ascend and counts must not decrease");
            }
        }
        if (cumulativeCounts[cumulativeCounts.length - 1] <= 0)
        {
            throw new IllegalArgumentException(name + ": no values recorded");
        }
        this.name = name;
        this.valuesNs = valuesNs.clone();
        this.cumulativeCounts = cumulativeCounts.clone();
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * @param name          what was measured.
     * @param histogram     recorded values in nanoseconds.
     * @param ratePerSecond values recorded per second, or NaN when unknown.
     * @return its distribution, exact at the histogram's resolution.
     */
    public static LatencyDistribution of(final String name, final AbstractHistogram histogram, final double ratePerSecond)
    {
        long[] values = new long[64];
        long[] counts = new long[values.length];
        int size = 0;
        for (final HistogramIterationValue bucket : histogram.recordedValues())
        {
            if (size == values.length)
            {
                values = Arrays.copyOf(values, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            values[size] = bucket.getValueIteratedTo();
            counts[size] = bucket.getTotalCountToThisValue();
            size++;
        }
        return new LatencyDistribution(name, Arrays.copyOf(values, size), Arrays.copyOf(counts, size), ratePerSecond);
    }

    /**
     * @return what was measured.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return how many values were recorded.
     */
    public long totalCount()
    {
        return cumulativeCounts[cumulativeCounts.length - 1];
    }

    /**
     * @return values recorded per second, NaN when the source does not say.
     */
    public double ratePerSecond()
    {
        return ratePerSecond;
    }

    /**
     * @return the largest value, ns.
     */
    public long maxNs()
    {
        return valuesNs[valuesNs.length - 1];
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code ceil(percentile/100 * count)} values at
     * or below it (at least one), as HdrHistogram's {@code getValueAtPercentile}.
     *
     * @param percentile 0 to 100.
     * @return the value at that percentile, ns.
     */
    public long valueAtPercentileNs(final double percentile)
    {
        final double clamped = Math.min(Math.max(percentile, 0.0), 100.0);
        final long total = totalCount();
        final long rank = Math.max(1, Math.min(total, (long)Math.ceil(Math.nextDown(clamped / 100.0 * total))));
        int low = 0;
        int high = cumulativeCounts.length - 1;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (cumulativeCounts[mid] >= rank)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return valuesNs[low];
    }
}
