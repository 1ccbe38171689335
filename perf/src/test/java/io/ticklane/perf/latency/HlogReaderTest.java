package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HlogReaderTest
{
    @TempDir
    Path dir;

    @Test
    void intervalsAddUpAndTheRateSpansThem() throws Exception
    {
        final Histogram first = interval(0, 1_000, null);
        first.recordValueWithCount(10_000, 900);
        final Histogram second = interval(1_000, 2_000, null);
        second.recordValueWithCount(10_000, 90);
        second.recordValueWithCount(1_000_000, 10);
        final Path file = write("run.hlog", first, second);

        final List<LatencyDistribution> distributions = HlogReader.read(file, 1.0);

        assertEquals(1, distributions.size());
        final LatencyDistribution distribution = distributions.get(0);
        assertEquals("run.hlog", distribution.name());
        assertEquals(1_000, distribution.totalCount());
        assertEquals(500.0, distribution.ratePerSecond(), 1e-9);
        final Histogram both = first.copy();
        both.add(second);
        assertEquals(both.getValueAtPercentile(50), distribution.valueAtPercentileNs(50));
        assertEquals(both.getValueAtPercentile(99), distribution.valueAtPercentileNs(99));
        assertEquals(both.getValueAtPercentile(99.9), distribution.valueAtPercentileNs(99.9));
        assertEquals(both.getMaxValue(), distribution.maxNs());
        assertEquals(10_000 * 1.0, distribution.valueAtPercentileNs(99) * 1.0, 10_000 * 0.001);
    }

    @Test
    void eachTagIsItsOwnDistribution() throws Exception
    {
        final Histogram decode = interval(0, 1_000, "decode");
        decode.recordValueWithCount(100, 10);
        final Histogram quote = interval(0, 1_000, "quote");
        quote.recordValueWithCount(2_000, 5);
        final Path file = write("stages.hlog", decode, quote);

        final List<LatencyDistribution> distributions = HlogReader.read(file, 1.0);

        assertEquals(List.of("stages.hlog#decode", "stages.hlog#quote"), distributions.stream().map(LatencyDistribution::name).toList());
        assertEquals(10, distributions.get(0).totalCount());
        assertEquals(5, distributions.get(1).totalCount());
    }

    @Test
    void aFileThatIsNotALogIsRejectedByName() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("garbled.hlog"), "0.000,1.000,10.0,notbase64!!\n");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> HlogReader.read(file, 1.0));

        assertTrue(ex.getMessage().startsWith(file.toString()), ex.getMessage());
    }

    private static Histogram interval(final long startMs, final long endMs, final String tag)
    {
        final Histogram histogram = new Histogram(3);
        histogram.setStartTimeStamp(startMs);
        histogram.setEndTimeStamp(endMs);
        histogram.setTag(tag);
        return histogram;
    }

    private Path write(final String name, final Histogram... intervals) throws Exception
    {
        final Path file = dir.resolve(name);
        try (PrintStream out = new PrintStream(Files.newOutputStream(file)))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(0);
            writer.outputLegend();
            for (final Histogram interval : intervals)
            {
                writer.outputIntervalHistogram(interval);
            }
        }
        return file;
    }
}
