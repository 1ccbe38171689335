package io.ticklane.runtime.daemon;

import org.HdrHistogram.Histogram;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes a latency histogram recorded in nanoseconds as an HdrHistogram percentile file ({@code .hgrm}) in
 * microseconds, the unit every {@code .hgrm} Ticklane writes uses and {@code ticklane perf report} assumes by default:
 * the file does not record its unit, so every writer must agree.
 */
public final class HgrmFile
{
    private static final double NANOS_PER_MICRO = 1000.0;

    private HgrmFile()
    {
    }

    /**
     * @param file      where.
     * @param histogram values in ns.
     * @throws IOException if it cannot be written.
     */
    public static void write(final Path file, final Histogram histogram) throws IOException
    {
        try (PrintStream stream = new PrintStream(new FileOutputStream(file.toFile()), false, "UTF-8"))
        {
            histogram.outputPercentileDistribution(stream, NANOS_PER_MICRO);
        }
    }
}
