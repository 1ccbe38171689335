package io.ticklane.perf.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Per-minute rows and trends from a soak's readings: each minute's counts are the difference between the last
 * reading of the minute before and its own last reading, its peaks the maxima over its readings; a level's trend is
 * the least-squares slope over every measured reading, per minute; a rate's flatness is its spread over the full
 * minutes.
 */
public final class SoakMinutes
{
    private SoakMinutes()
    {
    }

    /**
     * How much a per-minute rate moved: its lowest, highest and mean value per second.
     *
     * @param minPerSecond  lowest minute.
     * @param maxPerSecond  highest minute.
     * @param meanPerSecond mean over the minutes.
     */
    public record Spread(double minPerSecond, double maxPerSecond, double meanPerSecond)
    {
        /**
         * @return (max - min) / mean, percent; 0 when the mean is 0.
         */
        public double spreadPercent()
        {
            return 0 == meanPerSecond ? 0 : 100 * (maxPerSecond - minPerSecond) / meanPerSecond;
        }
    }

    /**
     * @param samples readings in the order taken, at least the one that ends warm-up (minute 0).
     * @return one row per measured minute that has readings.
     * @throws IllegalArgumentException if there is no minute-0 reading first or the minutes go backwards.
     */
    public static List<SoakMinute> of(final List<SoakSample> samples)
    {
        if (samples.isEmpty() || 0 != samples.get(0).minute())
        {
            throw new IllegalArgumentException("a soak's readings start with one at the end of warm-up (minute 0)");
        }
        final List<SoakMinute> minutes = new ArrayList<>();
        SoakSample start = samples.get(0);
        int i = 1;
        while (i < samples.size() && 0 == samples.get(i).minute())
        {
            start = samples.get(i++);
        }
        while (i < samples.size())
        {
            final int minute = samples.get(i).minute();
            if (minute <= start.minute())
            {
                throw new IllegalArgumentException("soak readings out of order: minute " + minute + " after minute " +
                    start.minute());
            }
            SoakSample end = samples.get(i);
            SoakSample.Peaks peaks = SoakSample.Peaks.NONE;
            while (i < samples.size() && samples.get(i).minute() == minute)
            {
                end = samples.get(i++);
                peaks = peaks.max(end.peaks());
            }
            minutes.add(new SoakMinute(minute, (end.elapsedNs() - start.elapsedNs()) / 1e9,
                end.flow().minus(start.flow()), peaks, end.memory(), end.jvm().minus(start.jvm()),
                end.flow().updatesNotReceived(), end.mode()));
            start = end;
        }
        return minutes;
    }

    /**
     * @param samples readings; those from the end of warm-up on (elapsed >= 0) count.
     * @param level   a level of a reading; a negative value means "not available" and is left out.
     * @return its least-squares slope per minute, or NaN with fewer than two readings.
     */
    public static double slopePerMinute(final List<SoakSample> samples, final ToLongFunction<SoakSample> level)
    {
        int n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumXy = 0;
        for (final SoakSample sample : samples)
        {
            final long y = level.applyAsLong(sample);
            if (sample.elapsedNs() < 0 || y < 0)
            {
                continue;
            }
            final double x = sample.elapsedNs() / 60e9;
            n++;
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumXy += x * y;
        }
        final double denominator = n * sumXx - sumX * sumX;
        return n < 2 || 0 == denominator ? Double.NaN : (n * sumXy - sumX * sumY) / denominator;
    }

    /**
     * @param minutes the rows.
     * @param count   a count of a row.
     * @return its spread per second over the full minutes (over every row if none is full), or null without rows.
     */
    public static Spread spread(final List<SoakMinute> minutes, final ToLongFunction<SoakSample.Flow> count)
    {
        final List<SoakMinute> full = minutes.stream().filter(SoakMinute::full).toList();
        final List<SoakMinute> counted = full.isEmpty() ? minutes : full;
        if (counted.isEmpty())
        {
            return null;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (final SoakMinute minute : counted)
        {
            final double value = minute.perSecond(count.applyAsLong(minute.flow()));
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        return new Spread(min, max, sum / counted.size());
    }
}
