package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads HdrHistogram's percentile distribution text ({@code .hgrm}, as {@code outputPercentileDistribution} writes
 * it, in its table or CSV form) into a {@link LatencyDistribution}. The file does not say its unit: the caller
 * does ({@code outputValueUnitScalingRatio} of 1000 on nanosecond recordings gives microseconds, the usual case).
 */
public final class HgrmReader
{
    private HgrmReader()
    {
    }

    /**
     * @param file      the {@code .hgrm} file.
     * @param unitNs    nanoseconds per value unit in the file, e.g. 1000 for microseconds.
     * @return the distribution, named after the file.
     * @throws IOException          when the file cannot be read.
     * @throws InputFormatException naming the file and line when it is not a percentile distribution.
     */
    public static LatencyDistribution read(final Path file, final double unitNs) throws IOException
    {
        final String source = file.toString();
        long[] values = new long[64];
        long[] counts = new long[64];
        int size = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            for (String line = reader.readLine(); null != line; line = reader.readLine())
            {
                lineNumber++;
                final String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("Value") || text.startsWith("\"Value\""))
                {
                    continue;
                }
                final String[] fields = text.split(text.indexOf(',') >= 0 ? "\\s*,\\s*" : "\\s+");
                if (fields.length < 3)
                {
                    throw new InputFormatException(source, lineNumber, "expected 'Value Percentile TotalCount ...', got '" + text + "'");
                }
                final long valueNs;
                final long count;
                try
                {
                    final double value = Double.parseDouble(fields[0]);
                    final double percentile = Double.parseDouble(fields[1]);
                    count = Long.parseLong(fields[2]);
                    if (!(value >= 0) || !(percentile >= 0 && percentile <= 1) || count < 0)
                    {
                        throw new NumberFormatException("out of range");
                    }
                    valueNs = Math.round(value * unitNs);
                }
                catch (final NumberFormatException ex)
                {
                    throw new InputFormatException(source, lineNumber, "not a percentile row: '" + text + "'");
                }
                if (size > 0 && (valueNs < values[size - 1] || count < counts[size - 1]))
                {
                    throw new InputFormatException(source, lineNumber, "values and total counts must not decrease: '" + text + "'");
                }
                if (size > 0 && valueNs == values[size - 1])
                {
                    counts[size - 1] = count;
                    continue;
                }
                if (size == values.length)
                {
                    values = Arrays.copyOf(values, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                values[size] = valueNs;
                counts[size] = count;
                size++;
            }
        }
        if (size == 0 || counts[size - 1] == 0)
        {
            throw new InputFormatException(source, 0, "no percentile rows (not an .hgrm file, or an empty histogram)");
        }
        return new LatencyDistribution(file.getFileName().toString(), Arrays.copyOf(values, size), Arrays.copyOf(counts, size), Double.NaN);
    }
}
