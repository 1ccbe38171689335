package io.ticklane.perf.latency;

import io.ticklane.runtime.daemon.StageLatencies;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tick-to-quote report's slice section and baseline verdict in every form (text, {@code summary.json}, HTML),
 * from hand-made results: a valid run reports its median ratios and spread, an INVALID one reports no ratio anywhere
 * and says why.
 */
class TickToQuoteReportTest
{
    @TempDir
    Path tmp;

    @Test
    void aValidRunReportsPerSliceRatiosAndTheirMedianAndSpread() throws Exception
    {
        // pipeline p50 10 us against echo 5 us merged; slice p50 ratios 2.0, 1.5, 2.5: median 2.0, IQR 1.75-2.25
        final SliceRatios ratios = new SliceRatios(List.of(slice(1, 10, 5), slice(2, 9, 6), slice(3, 10, 4)), 10, 5);
        final TickToQuoteRun.Result result = result(ratios, 10_000, 5_000);
        final TickToQuoteReport report = TickToQuoteReport.write(result, tmp, 1000, "one-thread", "backoff", 3);

        final String text = TickToQuoteReport.slices(result);
        assertTrue(text.contains("aeron pipeline/echo over 3 slices: p50 median 2.00 (IQR 1.75-2.25, min-max 1.50-2.50, " +
            "3 slices)"), text);
        assertTrue(report.report().table().contains("(2.00x)"), "the merged table keeps its ratios");
        final String json = Files.readString(tmp.resolve("summary.json"));
        assertTrue(json.contains("\"baselineValid\" : true") && json.contains("\"ratioToBaseline\"") &&
            json.contains("\"median\" : 2.0") && json.contains("\"q1\" : 1.75") && json.contains("\"ratioP50\" : 1.5"), json);
        final String html = Files.readString(tmp.resolve("report.html"));
        assertTrue(html.contains("Pipeline ÷ echo per slice, aeron") && !html.contains("class=\"invalid\""), html);
    }

    @Test
    void anInvalidRunReportsNoRatioAndSaysWhyEverywhere() throws Exception
    {
        // the echo (20 us) slower than the pipeline (10 us) overall and in two of three slices
        final SliceRatios ratios = new SliceRatios(List.of(slice(1, 10, 20), slice(2, 10, 5), slice(3, 10, 30)), 10, 20);
        final TickToQuoteRun.Result result = result(ratios, 10_000, 20_000);
        assertFalse(result.baselineValid());
        final TickToQuoteReport report = TickToQuoteReport.write(result, tmp, 1000, "one-thread", "backoff", 3);

        final String verdict = TickToQuoteReport.verdict(result.gateways().get(TickToQuoteRun.AERON));
        assertTrue(verdict.startsWith("INVALID baseline (aeron): over the whole run the echo's p50 (20.00 us) is above " +
            "the pipeline's (10.00 us); in 2 of 3 slices"), verdict);
        assertFalse(verdict.contains("median"), verdict);
        assertTrue(TickToQuoteReport.slices(result).contains("echo worse"));
        assertFalse(report.report().table().contains("x)"), "no ratio to an invalid baseline: " + report.report().table());
        final String json = Files.readString(tmp.resolve("summary.json"));
        assertTrue(json.contains("\"baselineValid\" : false") && json.contains("\"invalidReason\"") &&
            !json.contains("\"ratioToBaseline\"") && !json.contains("\"median\""), json);
        final String html = Files.readString(tmp.resolve("report.html"));
        assertTrue(html.indexOf("<p class=\"invalid\">INVALID baseline (aeron)") < html.indexOf("<table>"), html);
        assertTrue(html.contains("no ratios: the first row is no valid reference"), html);
    }

    private static SliceRatios.Slice slice(final int index, final double pipelineP50, final double echoP50)
    {
        return new SliceRatios.Slice(index, 100, pipelineP50, 4 * pipelineP50, 100, echoP50, 4 * echoP50);
    }

    private static TickToQuoteRun.Result result(final SliceRatios ratios, final long pipelineNs, final long echoNs)
    {
        final Map<String, Histogram> stages = new LinkedHashMap<>();
        stages.put("book_applied", histogram(100));
        final Histogram echo = histogram(echoNs);
        final TickToQuoteRun.GatewayRun run = new TickToQuoteRun.GatewayRun(TickToQuoteRun.AERON, histogram(pipelineNs),
            histogram(pipelineNs), stages, histogram(500), echo, ratios, 3000, 1500, 0, Map.of(), 0, 0, null);
        final Map<String, TickToQuoteRun.GatewayRun> gateways = new LinkedHashMap<>();
        gateways.put(TickToQuoteRun.AERON, run);
        return new TickToQuoteRun.Result(gateways, echo, 3000, 3);
    }

    private static Histogram histogram(final long valueNs)
    {
        final Histogram histogram = new Histogram(StageLatencies.HIGHEST_NS, 3);
        histogram.recordValueWithCount(valueNs, 100);
        return histogram;
    }
}
