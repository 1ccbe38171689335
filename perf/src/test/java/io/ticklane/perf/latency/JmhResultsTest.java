package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultsTest
{
    static final String TWO_RUNS = "[\n" +
        "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.ticklane.perf.L2ApplyBenchmark.ticklaneFeed\",\"mode\":\"thrpt\"," +
        "\"params\":{\"depth\":\"20\"},\"primaryMetric\":{\"score\":4.7831683E7,\"scoreError\":1228543.0," +
        "\"scoreUnit\":\"ops/s\",\"rawData\":[[1.0,2.0]]},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":" +
        "{\"score\":1.2E-4,\"scoreError\":\"NaN\",\"scoreUnit\":\"B/op\"}}},\n" +
        "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.ticklane.perf.FactorEngineBenchmark.event\",\"mode\":\"avgt\"," +
        "\"primaryMetric\":{\"score\":947.6,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{}}\n" +
        "]\n";

    @TempDir
    Path dir;

    @Test
    void runsAreReadWithScoreErrorAndAllocation() throws Exception
    {
        final JmhResults results = JmhResults.read(Files.writeString(dir.resolve("jmh-result.json"), TWO_RUNS));

        assertEquals(2, results.rows().size());
        final JmhResults.Row feed = results.rows().get(0);
        assertEquals("L2ApplyBenchmark.ticklaneFeed", feed.benchmark());
        assertEquals(Map.of("depth", "20"), feed.params());
        assertEquals(4.7831683E7, feed.score());
        assertEquals(1228543.0, feed.scoreError());
        assertEquals("ops/s", feed.unit());
        assertEquals(1.2E-4, feed.bytesPerOp());
        final JmhResults.Row event = results.rows().get(1);
        assertTrue(Double.isNaN(event.scoreError()));
        assertTrue(Double.isNaN(event.bytesPerOp()));
    }

    @Test
    void htmlAndTableShowEveryRun() throws Exception
    {
        final JmhResults results = JmhResults.read(Files.writeString(dir.resolve("jmh-result.json"), TWO_RUNS));

        final String html = results.html("jmh-result.json");
        final String table = results.table();

        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<td>L2ApplyBenchmark.ticklaneFeed</td>"), html);
        assertTrue(html.contains("47,831,683"), html);
        assertTrue(table.contains("FactorEngineBenchmark.event") && table.contains("947.6 "), table);
    }

    @Test
    void notAJmhResultIsRejectedByName() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("other.json"), "{\"count\":1}");

        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JmhResults.read(file));

        assertTrue(ex.getMessage().startsWith(file.toString()), ex.getMessage());
    }
}
