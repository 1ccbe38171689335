package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HdrHistogram interval log ({@code .hlog}, {@code HistogramLogWriter}'s format) and adds its intervals up,
 * one distribution per tag (untagged intervals under the file's name, tagged ones as {@code file#tag}); the rate is
 * the count over the span from the first interval's start to the last one's end.
 */
public final class HlogReader
{
    private HlogReader()
    {
    }

    /**
     * @param file   the {@code .hlog} file.
     * @param unitNs nanoseconds per recorded value unit (1 when values were recorded in ns).
     * @return one distribution per tag, in order of first appearance.
     * @throws IOException          when the file cannot be read.
     * @throws InputFormatException naming the file when it is not an interval log or holds no values.
     */
    public static List<LatencyDistribution> read(final Path file, final double unitNs) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new NoSuchFileException(file.toString());
        }
        final String source = file.toString();
        final Map<String, Histogram> sums = new LinkedHashMap<>();
        final Map<String, double[]> spans = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); HistogramLogReader reader = new HistogramLogReader(in))
        {
            for (EncodableHistogram interval = next(reader, source); null != interval; interval = next(reader, source))
            {
                if (!(interval instanceof Histogram))
                {
                    throw new InputFormatException(source, 0, "holds a " + interval.getClass().getSimpleName() +
                        " interval; only integer histograms are supported");
                }
                final Histogram histogram = (Histogram)interval;
                final String key = null == histogram.getTag() ? "" : histogram.getTag();
                final Histogram sum = sums.computeIfAbsent(key, tag -> new Histogram(histogram.getNumberOfSignificantValueDigits()));
                sum.add(histogram);
                final double[] span = spans.computeIfAbsent(key, tag -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
                span[0] = Math.min(span[0], histogram.getStartTimeStamp());
                span[1] = Math.max(span[1], histogram.getEndTimeStamp());
            }
        }
        final List<LatencyDistribution> distributions = new ArrayList<>();
        for (final Map.Entry<String, Histogram> entry : sums.entrySet())
        {
            final Histogram sum = entry.getValue();
            if (sum.getTotalCount() == 0)
            {
                continue;
            }
            final Histogram scaled = scale(sum, unitNs);
            final double[] span = spans.get(entry.getKey());
            final double seconds = (span[1] - span[0]) / 1000.0;
            final double rate = seconds > 0 ? sum.getTotalCount() / seconds : Double.NaN;
            final String name = file.getFileName() + (entry.getKey().isEmpty() ? "" : "#" + entry.getKey());
            distributions.add(LatencyDistribution.of(name, scaled, rate));
        }
        if (distributions.isEmpty())
        {
            throw new InputFormatException(source, 0, "no recorded values (not an .hlog file, or only empty intervals)");
        }
        return distributions;
    }

    private static EncodableHistogram next(final HistogramLogReader reader, final String source)
    {
        try
        {
            return reader.nextIntervalHistogram();
        }
        catch (final RuntimeException ex)
        {
            throw new InputFormatException(source, 0, "not a readable HdrHistogram log: " + ex.getMessage(), ex);
        }
    }

    private static Histogram scale(final Histogram histogram, final double unitNs)
    {
        if (unitNs == 1.0)
        {
            return histogram;
        }
        final Histogram scaled = new Histogram(histogram.getNumberOfSignificantValueDigits());
        histogram.recordedValues().forEach(bucket ->
            scaled.recordValueWithCount(Math.round(bucket.getValueIteratedTo() * unitNs), bucket.getCountAtValueIteratedTo()));
        return scaled;
    }
}
