package io.ticklane.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest
{
    private static final String RISK = "risk.admin_token=secret\nrisk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
        "risk.price_collar_ticks=1000\n";

    @TempDir
    Path tmp;

    private Path journal;
    private Path glft;
    private Path asFinite;

    @BeforeEach
    void importCapture() throws IOException
    {
        journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance",
            "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        glft = write("glft.properties",
            RISK + "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        asFinite = write("as.properties",
            RISK + "quoter=as-finite(gamma=0.05,horizon_s=60,sigma_fallback=1,k_fallback=1,order_size=10)\n");
    }

    @Test
    void glftBacktestOfTheUsdmCaptureFillsAndWritesAReport() throws IOException
    {
        final Path out = tmp.resolve("glft-out");

        final CliRun run = backtest(glft, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertTrue(Long.parseLong(report.get("result.fills")) > 0, report.toString());
        assertEquals("11410", report.get("result.market_events"));
        assertEquals(64, report.get("config_sha256").length());
        assertEquals("risk-averse", report.get("models.queue"));
        assertTrue(run.out.contains("net pnl"), run.out);
        assertTrue(run.err.contains("events/s"), run.err);
    }

    @Test
    void asFiniteBacktestOfTheUsdmCaptureFills() throws IOException
    {
        final Path out = tmp.resolve("as-out");

        final CliRun run = backtest(asFinite, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(Long.parseLong(readReport(out).get("result.fills")) > 0);
    }

    @Test
    void twoRunsGiveTheSameReportApartFromTheWallClock() throws IOException
    {
        final CliRun first = backtest(glft, tmp.resolve("first"));
        final CliRun second = backtest(glft, tmp.resolve("second"));

        assertEquals(ExitCodes.OK, first.exitCode, first.toString());
        assertEquals(ExitCodes.OK, second.exitCode, second.toString());
        final Map<String, String> a = readReport(tmp.resolve("first"));
        final Map<String, String> b = readReport(tmp.resolve("second"));
        a.keySet().removeIf(key -> key.startsWith("run."));
        b.keySet().removeIf(key -> key.startsWith("run."));
        assertEquals(a, b);
        assertEquals(withoutRunObject(tmp.resolve("first")), withoutRunObject(tmp.resolve("second")));
    }

    @Test
    void fillIllusionGuardReportsBothQueueModelsAndTheirDifference() throws IOException
    {
        final Path out = tmp.resolve("guard");

        final CliRun run = backtest(glft, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals("risk-averse", report.get("fill_illusion_guard.risk_averse_queue"));
        assertEquals("prob-power:3", report.get("fill_illusion_guard.optimistic_queue"));
        assertEquals(report.get("result.net_pnl"), report.get("fill_illusion_guard.risk_averse_net_pnl"));
        final double difference = Double.parseDouble(report.get("fill_illusion_guard.optimistic_net_pnl")) -
            Double.parseDouble(report.get("fill_illusion_guard.risk_averse_net_pnl"));
        assertEquals(difference, Double.parseDouble(report.get("fill_illusion_guard.net_pnl_difference")), 1e-6);
        assertTrue(run.out.contains("guard") && run.out.contains("prob-power:3"), run.out);
    }

    @Test
    void optimisticMainRunIsGuardedByTheRiskAverseOne() throws IOException
    {
        final Path out = tmp.resolve("optimistic");

        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", out.toString(), "--queue", "prob-log", "--latency", "constant:1000000,1000000,1000000",
            "--maker-bps", "-0.5", "--taker-bps", "2.5");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals("prob-log", report.get("models.queue"));
        assertEquals("prob-log", report.get("fill_illusion_guard.optimistic_queue"));
        assertEquals(report.get("result.net_pnl"), report.get("fill_illusion_guard.optimistic_net_pnl"));
        assertEquals("-0.5", report.get("models.maker_bps"));
    }

    @Test
    void unknownQueueModelIsBadInput()
    {
        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", tmp.resolve("x").toString(), "--queue", "fantasy");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("unknown queue model 'fantasy'"), run.err);
    }

    @Test
    void missingJournalIsBadInput()
    {
        final CliRun run = backtest(glft, tmp.resolve("x"), tmp.resolve("nope"));

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
    }

    @Test
    void configForAnotherInstrumentIsBadInput() throws IOException
    {
        final Path other = write("other.properties", "risk.admin_token=secret\ninstrument.id=42\n");

        final CliRun run = backtest(other, tmp.resolve("x"));

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("instrument.id=42 but journal"), run.err);
    }

    private CliRun backtest(final Path config, final Path out)
    {
        return backtest(config, out, journal);
    }

    private static CliRun backtest(final Path config, final Path out, final Path journal)
    {
        return CliRun.run("backtest", "--journal", journal.toString(), "--config", config.toString(), "--out", out.toString());
    }

    /**
     * report.json flattened to dotted paths (array elements as path.N) and the text of each scalar.
     */
    static Map<String, String> readReport(final Path out) throws IOException
    {
        return readJson(out.resolve("report.json"));
    }

    static Map<String, String> readJson(final Path file) throws IOException
    {
        final Map<String, String> values = new TreeMap<>();
        try (JsonParser parser = new JsonFactory().createParser(file.toFile()))
        {
            parser.nextToken();
            flatten(parser, "", values);
        }
        return values;
    }

    private static void flatten(final JsonParser parser, final String path, final Map<String, String> values) throws IOException
    {
        final JsonToken token = parser.currentToken();
        if (JsonToken.START_OBJECT == token)
        {
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String name = parser.currentName();
                parser.nextToken();
                flatten(parser, path.isEmpty() ? name : path + "." + name, values);
            }
        }
        else if (JsonToken.START_ARRAY == token)
        {
            int index = 0;
            while (JsonToken.END_ARRAY != parser.nextToken())
            {
                flatten(parser, path + "." + index++, values);
            }
        }
        else
        {
            values.put(path, JsonToken.VALUE_NULL == token ? "null" : parser.getText());
        }
    }

    /**
     * The report's bytes without its run object (the last one in the file): what two runs must agree on byte for byte.
     */
    static String withoutRunObject(final Path out) throws IOException
    {
        final String text = Files.readString(out.resolve("report.json"));
        final int run = text.lastIndexOf("\"run\"");
        assertTrue(run > 0, text);
        return text.substring(0, run);
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(tmp.resolve(name), content);
    }
}
