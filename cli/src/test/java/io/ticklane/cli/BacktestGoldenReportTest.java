package io.ticklane.cli;

import io.ticklane.journal.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Speed work on the backtest loop (journal reader, venue, book, factors, recorder) must not change a single result.
 * {@code src/test/resources/backtest/usdm-20240718-glft.report.json} is the report.json written for the USD-M 07-18
 * capture with the glft configuration below and {@code --sample-interval 1}, less its {@code run} object (paths, wall
 * clock) and code version; every other value of today's report must equal it exactly (numbers to the last bit). It
 * was first written by the code before the speed work (commit ed5e2c8) and rewritten once, deliberately, by the
 * backtest-fidelity change (issue 15): the strategy's clock became the local arrival of each frame (here the
 * exchange time, since this capture's receive times precede its exchange times and no latency is assumed), which
 * moved the replace throttle's windows (replaces 194 to 227; fills, position and PnL unchanged), and the report
 * gained the latency source, the realised latency and the STALE-book counts (format 3). Keys were added once more, by
 * hand and nothing else touched (issue 15 item 5): result.venue_rejects_by_reason, result.risk_rejections_by_check and
 * result.risk_mode_at_end (ACTIVE throughout here), whose counts add up to the venue_rejects (8) and risk_rejections (0)
 * already here. Its {@code config_sha256} is that of the
 * configuration below since the operator token left strategy files (the line {@code risk.admin_token=secret} went).
 */
class BacktestGoldenReportTest
{
    private static final String CONFIG = "risk.max_order_quantity=1000\n" +
        "risk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n";

    @TempDir
    Path tmp;

    @Test
    void reportOfTheUsdmCaptureIsThatOfTheCodeBeforeTheSpeedWork() throws IOException
    {
        final Path journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance", "--input",
            RealData.file("binance/usdm/btcusdt_20240718.gz").toString(), "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        final Path config = Files.writeString(tmp.resolve("glft.properties"), CONFIG);
        final Path out = tmp.resolve("out");

        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", config.toString(),
            "--out", out.toString(), "--sample-interval", "1");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Path golden = tmp.resolve("golden.json");
        try (InputStream in = BacktestGoldenReportTest.class.getResourceAsStream("/backtest/usdm-20240718-glft.report.json"))
        {
            assertNotNull(in, "golden report resource");
            Files.copy(in, golden);
        }
        final Map<String, String> expected = BacktestCommandTest.readJson(golden);
        final Map<String, String> actual = BacktestCommandTest.readReport(out);
        actual.keySet().removeIf(key -> key.startsWith("run.") || "code_version".equals(key));
        assertEquals(expected.keySet(), actual.keySet());
        for (final Map.Entry<String, String> entry : expected.entrySet())
        {
            final String key = entry.getKey();
            assertEquals(normalised(entry.getValue()), normalised(actual.get(key)), key);
        }
    }

    /**
     * @return a number as the exact bits of its double (the golden file's writer formats numbers its own way), any
     *         other value as it is.
     */
    private static String normalised(final String value)
    {
        try
        {
            return "double:" + Long.toHexString(Double.doubleToLongBits(Double.parseDouble(value)));
        }
        catch (final NumberFormatException ex)
        {
            return value;
        }
    }
}
