package io.ticklane.perf.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens a histogram file by its extension: {@code .hgrm} (percentile text) or {@code .hlog} (interval log), so
 * commands accept either without a format option.
 */
public final class HistogramFiles
{
    private HistogramFiles()
    {
    }

    /**
     * @param file     a {@code .hgrm} or {@code .hlog} file.
     * @param hgrmUnitNs nanoseconds per value unit of {@code .hgrm} files.
     * @param hlogUnitNs nanoseconds per value unit of {@code .hlog} files.
     * @return its distributions (one for .hgrm, one per tag for .hlog).
     * @throws IOException when the file cannot be read.
     */
    public static List<LatencyDistribution> read(final Path file, final double hgrmUnitNs, final double hlogUnitNs) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new NoSuchFileException(file.toString());
        }
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".hgrm"))
        {
            return List.of(HgrmReader.read(file, hgrmUnitNs));
        }
        if (name.endsWith(".hlog"))
        {
            return HlogReader.read(file, hlogUnitNs);
        }
        throw new IllegalArgumentException(file + ": unknown histogram file type (expected .hgrm or .hlog)");
    }

    /**
     * @param files      files to read, in order.
     * @param hgrmUnitNs nanoseconds per value unit of {@code .hgrm} files.
     * @param hlogUnitNs nanoseconds per value unit of {@code .hlog} files.
     * @return all their distributions, in order.
     * @throws IOException when a file cannot be read.
     */
    public static List<LatencyDistribution> readAll(final List<Path> files, final double hgrmUnitNs, final double hlogUnitNs)
        throws IOException
    {
        final List<LatencyDistribution> distributions = new ArrayList<>();
        for (final Path file : files)
        {
            distributions.addAll(read(file, hgrmUnitNs, hlogUnitNs));
        }
        return distributions;
    }
}
