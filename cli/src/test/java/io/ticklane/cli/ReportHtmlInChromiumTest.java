package io.ticklane.cli;

import io.ticklane.journal.RealData;
import io.ticklane.backtest.ReportHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders a real backtest's report.html in headless Chromium (path from the system property {@code ticklane.chromium},
 * set by the build) and checks the DOM the browser built: every chart is there as inline SVG, with the metrics
 * table. A missing browser fails the test: it never skips.
 */
class ReportHtmlInChromiumTest
{
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path tmp;

    @Test
    void chromiumRendersEveryChartAndTheMetricsTable() throws Exception
    {
        final Path chromium = Path.of(System.getProperty("ticklane.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium))
        {
            fail("headless Chromium not found at " + chromium + " (system property ticklane.chromium): install it " +
                "(apt-get install chromium; .ci/run does) or point -Dticklane.chromium at it");
        }
        final Path journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance",
            "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        final Path config = Files.writeString(tmp.resolve("glft.properties"),
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        final Path out = tmp.resolve("out");
        final CliRun backtest = CliRun.run("backtest", "--journal", journal.toString(), "--config", config.toString(),
            "--out", out.toString(), "--sample-interval", "1");
        assertEquals(ExitCodes.OK, backtest.exitCode, backtest.toString());
        final Path page = out.resolve("report.html");
        final String source = Files.readString(page);
        assertFalse(source.contains("<script") || source.contains("<link") || source.contains("src="),
            "the page must be self-contained");

        final String dom = dumpDom(chromium, page);

        assertEquals(ReportHtml.CHARTS, count(dom, "<svg"), "charts in the rendered DOM");
        assertTrue(dom.contains("<table id=\"metrics\">"), dom.substring(0, Math.min(2000, dom.length())));
        final String metrics = dom.substring(dom.indexOf("<table id=\"metrics\">"));
        final String table = metrics.substring(0, metrics.indexOf("</table>"));
        assertTrue(count(table, "<tr>") > 25, table);
        assertTrue(table.contains("Sharpe") && table.contains("markout +100 ms"), table);
        assertTrue(dom.contains("<table id=\"per-day\">") && dom.contains("2024-07-18"), "per-day table");
        assertTrue(dom.contains("<table id=\"inputs\">") && dom.contains("journal sha256"), "inputs table");
    }

    private String dumpDom(final Path chromium, final Path page) throws IOException, InterruptedException
    {
        final Path stdout = tmp.resolve("dom.html");
        final List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"),
            "--dump-dom", page.toUri().toString()));
        final Process process = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(tmp.resolve("chromium.err").toFile())
            .start();
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_S + " s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + command + "\n" + read(tmp.resolve("chromium.err")));
        return Files.readString(stdout);
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            return "(" + ex + ")";
        }
    }

    private static int count(final String text, final String what)
    {
        final Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find())
        {
            n++;
        }
        return n;
    }
}
