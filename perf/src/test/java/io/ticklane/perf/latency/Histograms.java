package io.ticklane.perf.latency;

import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test histograms with values small enough to check by hand, and their files written by HdrHistogram itself.
 */
final class Histograms
{
    private Histograms()
    {
    }

    /** Values 1, 2, ..., 100, once each. */
    static Histogram oneToHundred()
    {
        final Histogram histogram = new Histogram(3);
        for (int value = 1; value <= 100; value++)
        {
            histogram.recordValue(value);
        }
        return histogram;
    }

    /** 990 values of 10 and 10 values of 1000: the tail starts exactly past p99. */
    static Histogram tenWithATail()
    {
        final Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(10, 990);
        histogram.recordValueWithCount(1000, 10);
        return histogram;
    }

    static Path hgrm(final Path file, final Histogram histogram, final double scalingRatio, final boolean csv) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(out, 5, scalingRatio, csv);
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
