package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HgrmReaderTest
{
    @TempDir
    Path dir;

    @Test
    void oneToHundredGivesTheHandComputedPercentiles() throws Exception
    {
        final Path file = Histograms.hgrm(dir.resolve("flat.hgrm"), Histograms.oneToHundred(), 1.0, false);

        final LatencyDistribution distribution = HgrmReader.read(file, 1_000.0);

        assertEquals("flat.hgrm", distribution.name());
        assertEquals(100, distribution.totalCount());
        assertEquals(50_000, distribution.valueAtPercentileNs(50));
        assertEquals(90_000, distribution.valueAtPercentileNs(90));
        assertEquals(99_000, distribution.valueAtPercentileNs(99));
        assertEquals(100_000, distribution.valueAtPercentileNs(99.9));
        assertEquals(100_000, distribution.valueAtPercentileNs(99.99));
        assertEquals(100_000, distribution.maxNs());
        assertEquals(1_000, distribution.valueAtPercentileNs(0));
        assertTrue(Double.isNaN(distribution.ratePerSecond()));
    }

    @Test
    void aTailPastP99ShowsFromP999AndNotAtP99() throws Exception
    {
        final Path file = Histograms.hgrm(dir.resolve("tail.hgrm"), Histograms.tenWithATail(), 1.0, false);

        final LatencySummary summary = LatencySummary.of(HgrmReader.read(file, 1_000.0));

        assertEquals(1000, summary.count());
        assertEquals(10.0, summary.micros("p50"));
        assertEquals(10.0, summary.micros("p90"));
        assertEquals(10.0, summary.micros("p99"));
        assertEquals(1000.0, summary.micros("p99.9"));
        assertEquals(1000.0, summary.micros("p99.99"));
        assertEquals(1000.0, summary.micros("max"));
    }

    @Test
    void csvFormIsReadToo() throws Exception
    {
        final Path file = Histograms.hgrm(dir.resolve("flat-csv.hgrm"), Histograms.oneToHundred(), 1.0, true);

        final LatencyDistribution distribution = HgrmReader.read(file, 1_000.0);

        assertEquals(100, distribution.totalCount());
        assertEquals(99_000, distribution.valueAtPercentileNs(99));
    }

    @Test
    void nanosecondRecordingsWrittenInMicrosecondsAgreeWithHdrHistogramAtTheRowsPercentiles() throws Exception
    {
        final Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 10_000; i++)
        {
            histogram.recordValue(500L + (i * 7919L) % 250_000L);
        }
        final Path file = Histograms.hgrm(dir.resolve("ns.hgrm"), histogram, 1_000.0, false);

        final LatencyDistribution distribution = HgrmReader.read(file, 1_000.0);

        assertEquals(histogram.getTotalCount(), distribution.totalCount());
        assertEquals(histogram.getMaxValue(), distribution.maxNs());
        assertEquals(histogram.getValueAtPercentile(50), distribution.valueAtPercentileNs(50));
        assertEquals(histogram.getValueAtPercentile(90), distribution.valueAtPercentileNs(90));
    }

    @Test
    void garbledRowNamesFileAndLine() throws Exception
    {
        final Path file = Histograms.hgrm(dir.resolve("bad.hgrm"), Histograms.oneToHundred(), 1.0, false);
        final String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\n\n", "\n\n  12.000 banana 3 1.0\n"));

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> HgrmReader.read(file, 1_000.0));

        assertTrue(ex.getMessage().startsWith(file + ":3: not a percentile row"), ex.getMessage());
    }

    @Test
    void fileWithoutRowsIsRejected() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("empty.hgrm"), "#[Mean = 0]\n");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> HgrmReader.read(file, 1_000.0));

        assertTrue(ex.getMessage().contains("no percentile rows"), ex.getMessage());
    }
}
