package io.ticklane.perf.latency;

import java.util.ArrayList;
import java.util.List;

/**
 * The regression guard: a new run's percentiles against an old run's. A percentile has worsened when it grew by more
 * than the threshold. Max is shown but not judged: it is one value, and one hiccup should not fail a build.
 */
public final class SummaryComparison
{
    /** Label that is reported but never judged. */
    public static final String NOT_JUDGED = "max";

    /**
     * One percentile compared.
     *
     * @param label    p50 ... max.
     * @param oldMicros old value, µs.
     * @param newMicros new value, µs.
     * @param ratio    new / old (infinite when old is 0 and new is not, 1 when both are 0).
     * @param judged   whether the threshold applies to it.
     * @param worsened judged, and grew by more than the threshold.
     */
    public record Row(String label, double oldMicros, double newMicros, double ratio, boolean judged, boolean worsened)
    {
    }

    private final List<Row> rows;
    private final double threshold;

    private SummaryComparison(final List<Row> rows, final double threshold)
    {
        this.rows = List.copyOf(rows);
        this.threshold = threshold;
    }

    /**
     * @param older     the reference run.
     * @param newer     the run under test.
     * @param threshold allowed growth as a fraction (0.10 for 10%).
     * @return the comparison.
     */
    public static SummaryComparison compare(final LatencySummary older, final LatencySummary newer, final double threshold)
    {
        if (!(threshold >= 0) || Double.isInfinite(threshold))
        {
            throw new IllegalArgumentException("threshold must be a non-negative number: " + threshold);
        }
        final List<Row> rows = new ArrayList<>();
        for (final String label : LatencySummary.PERCENTILES.keySet())
        {
            final double before = older.micros(label);
            final double after = newer.micros(label);
            final double ratio = before > 0 ? after / before : (after > 0 ? Double.POSITIVE_INFINITY : 1.0);
            final boolean judged = !label.equals(NOT_JUDGED);
            rows.add(new Row(label, before, after, ratio, judged, judged && after > before * (1.0 + threshold)));
        }
        return new SummaryComparison(rows, threshold);
    }

    /**
     * @return one row per percentile, in order.
     */
    public List<Row> rows()
    {
        return rows;
    }

    /**
     * @return allowed growth as a fraction.
     */
    public double threshold()
    {
        return threshold;
    }

    /**
     * @return how many judged percentiles worsened beyond the threshold.
     */
    public int worsened()
    {
        return (int)rows.stream().filter(Row::worsened).count();
    }
}
