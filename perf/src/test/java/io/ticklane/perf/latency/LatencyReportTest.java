package io.ticklane.perf.latency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyReportTest
{
    private static final LatencyDistribution FLAT = oneToHundredMicros();
    private static final LatencyDistribution TAIL =
        new LatencyDistribution("tail", new long[] {10_000, 1_000_000}, new long[] {990, 1_000}, 250.0);

    @Test
    void htmlIsOnePageWithTheTableAndAnInlineSvgPlotOnANinesAxis()
    {
        final String html = new LatencyReport(List.of(FLAT, TAIL)).html(List.of("flat.hgrm", "tail.hlog"));

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<svg"), html);
        for (final String label : List.of(">0%<", ">90%<", ">99%<", ">99.9%<"))
        {
            assertTrue(html.contains(label), "axis label " + label);
        }
        assertTrue(html.contains("Latency (µs)"), "y axis title");
        assertTrue(html.contains("flat.hgrm, tail.hlog"), "sources listed");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src=") || html.contains("href="), "no external resources");
    }

    @Test
    void tableComparesLaterRunsToTheFirst()
    {
        final String table = new LatencyReport(List.of(FLAT, TAIL)).table();

        final String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[0].contains("p99.99 (us)"), table);
        assertTrue(lines[1].startsWith("flat") && lines[1].contains("50.000") && !lines[1].contains("x)"), table);
        assertTrue(lines[2].contains("10.000 (0.20x)"), "tail p50 10 against flat p50 50: " + table);
        assertTrue(lines[2].contains("1000.000 (10.00x)"), "tail max 1000 against flat max 100: " + table);
        assertTrue(lines[2].contains(" 250 "), "rate: " + table);
    }

    @Test
    void ninesLabelsFollowHdrHistogramsPlotter()
    {
        assertEquals("0%", NinesFormat.label(1));
        assertEquals("90%", NinesFormat.label(10));
        assertEquals("99%", NinesFormat.label(100));
        assertEquals("99.9%", NinesFormat.label(1_000));
        assertEquals("99.999%", NinesFormat.label(100_000));
        assertEquals("50%", NinesFormat.label(2));
    }

    private static LatencyDistribution oneToHundredMicros()
    {
        final long[] values = new long[100];
        final long[] counts = new long[100];
        for (int i = 0; i < 100; i++)
        {
            values[i] = (i + 1) * 1_000L;
            counts[i] = i + 1;
        }
        return new LatencyDistribution("flat", values, counts, Double.NaN);
    }
}
