package io.ticklane.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code ticklane perf tick-to-quote} for a short run: every file it promises, a summary that
 * {@code ticklane perf compare} reads, and an HTML report with the plot.
 */
class PerfTickToQuoteCommandTest
{
    @TempDir
    Path tmp;

    @Test
    void aShortRunWritesHistogramsSummaryAndReport() throws Exception
    {
        final Path out = tmp.resolve("t2q");
        final CliRun run = CliRun.run("perf", "tick-to-quote", "--rate", "5000", "--duration", "1", "--warmup", "0.5",
            "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        for (final String file : new String[]{"tick_to_quote.hgrm", "tick_to_quote_from_receive.hgrm", "in_process.hgrm",
            "baseline_echo.hgrm", "stage_book_applied.hgrm", "stage_published.hgrm", "tick_to_quote.hlog",
            "summary.json", "report.html"})
        {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(run.out.contains("ratio="), run.out);
        final String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"ratioToBaseline\"") && summary.contains("\"baseline\"") &&
            summary.contains("\"stage_quote_decided\""), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));

        final CliRun compare = CliRun.run("perf", "compare", out.resolve("summary.json").toString(),
            out.resolve("summary.json").toString());
        assertEquals(ExitCodes.OK, compare.exitCode, compare.toString());
    }

    @Test
    void bothGatewaysRunInOneInvocationAndTheirRatioIsReported() throws Exception
    {
        final Path out = tmp.resolve("t2q-fix");
        final CliRun run = CliRun.run("perf", "tick-to-quote", "--rate", "2000", "--duration", "1", "--warmup", "0.5",
            "--gateway", "aeron,fix", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        for (final String file : new String[]{"tick_to_quote.hgrm", "tick_to_quote_fix.hgrm", "in_process_fix.hgrm",
            "stage_published_fix.hgrm", "tick_to_quote.hlog", "tick_to_quote_fix.hlog", "baseline_echo.hgrm"})
        {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(run.out.contains("gateway fix: tick-to-order") && run.out.contains("fix/aeron tick-to-order: p50="),
            run.out);
        final String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"fixToAeron\"") && summary.contains("\"gateway\" : \"fix\"") &&
            summary.contains("Artio's library took"), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("FIX ÷ Aeron tick-to-order"));
        // the daemon traded over FIX: it timed orders the QuickFIX/J acceptor answered (a halted daemon times none)
        assertTrue(summary.matches("(?s).*\"gateway\" : \"fix\".*?\"count\" : [1-9].*"), summary);
    }

    @Test
    void badArgumentsExitTwo()
    {
        final CliRun run = CliRun.run("perf", "tick-to-quote", "--rate", "0", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        final CliRun layout = CliRun.run("perf", "tick-to-quote", "--layout", "sideways", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, layout.exitCode, layout.toString());
        final CliRun gateway = CliRun.run("perf", "tick-to-quote", "--gateway", "aeron,smtp", "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, gateway.exitCode, gateway.toString());
    }
}
