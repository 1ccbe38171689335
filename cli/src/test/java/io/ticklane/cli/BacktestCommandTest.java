package io.ticklane.cli;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest
{
    private static final String RISK = "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
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

    /**
     * A one-tick collar refuses nearly every GLFT quote: the summary's first lines say what the run earned and who
     * refused what and why, and a WARNING names the reason; the counts are report.json's.
     */
    @Test
    void summaryLeadsWithFillsPnlAndRejectsByReasonAndWarnsWhenTheGateRefusesMost() throws IOException
    {
        final Path tight = write("tight.properties", "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        final Path out = tmp.resolve("tight-out");

        final CliRun run = backtest(tight, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        final long risk = Long.parseLong(report.get("result.risk_rejections"));
        final long collar = Long.parseLong(report.get("result.risk_rejections_by_check.PRICE_COLLAR"));
        final long asked = Long.parseLong(report.get("result.orders.new")) + Long.parseLong(report.get("result.orders.cancel")) +
            Long.parseLong(report.get("result.orders.replace")) + risk;
        assertTrue(collar > asked / 2, report.toString());
        long byCheck = 0;
        long byReason = 0;
        for (final Map.Entry<String, String> value : report.entrySet())
        {
            byCheck += value.getKey().startsWith("result.risk_rejections_by_check.") ? Long.parseLong(value.getValue()) : 0;
            byReason += value.getKey().startsWith("result.venue_rejects_by_reason.") ? Long.parseLong(value.getValue()) : 0;
        }
        assertEquals(risk, byCheck, "the checks add up to the total");
        assertEquals(Long.parseLong(report.get("result.venue_rejects")), byReason, "the reasons add up to the total");

        final String[] lines = run.out.split("\n");
        assertTrue(lines[0].startsWith("fills         " + String.format("%,d", Long.parseLong(report.get("result.fills"))) +
            " (maker"), lines[0]);
        assertTrue(lines[1].startsWith("net pnl       " + String.format("%.2f", Double.parseDouble(report.get("result.net_pnl"))) +
            " ticks x lots"), lines[1]);
        assertTrue(lines[2].startsWith(String.format("risk rejects  %,d of %,d requests asked (", risk, asked)), lines[2]);
        assertTrue(lines[2].contains("): PRICE_COLLAR " + String.format("%,d", collar)), lines[2]);
        assertTrue(lines[3].startsWith("venue rejects " + String.format("%,d", Long.parseLong(report.get("result.venue_rejects"))) +
            " of "), lines[3]);
        assertTrue(lines[4].startsWith("risk mode     "), lines[4]);
        assertTrue(lines[5].startsWith("WARNING: the risk gate refused ") && lines[5].contains("(more than 10%): PRICE_COLLAR "),
            lines[5]);
    }

    /**
     * A drawdown limit of one tick x lot halts the strategy at its first adverse move: it then asks for nothing, so no
     * reject shows it; the summary's risk mode line and a WARNING do, with report.json's time and reason.
     */
    @Test
    void aHaltIsShownInTheSummaryThoughNothingWasRefused() throws IOException
    {
        final Path halting = write("halting.properties", RISK + "risk.max_drawdown=1\n" +
            "quoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
        final Path out = tmp.resolve("halting-out");

        final CliRun run = backtest(halting, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals("HALTED", report.get("result.risk_mode_at_end.mode"), report.toString());
        assertEquals("DRAWDOWN", report.get("result.risk_mode_at_end.reason"), report.toString());
        final String since = java.time.Instant.ofEpochSecond(0, Long.parseLong(report.get("result.risk_mode_at_end.since_ns")))
            .toString();
        final String[] lines = run.out.split("\n");
        assertTrue(lines[4].startsWith("risk mode     HALTED (DRAWDOWN) at the end, since " + since), lines[4]);
        assertTrue(run.out.contains("WARNING: the risk gate HALTED the strategy at " + since + " (DRAWDOWN)"), run.out);
    }

    /**
     * The default collar (50 bps of the mid, no risk.price_collar_* key) lets GLFT quote: nothing refused by the
     * collar and no risk WARNING.
     */
    @Test
    void theDefaultCollarRefusesNoneOfTheDefaultGlftsQuotes() throws IOException
    {
        final Path defaults = write("defaults.properties", "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n");
        final Path out = tmp.resolve("defaults-out");

        final CliRun run = backtest(defaults, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals("0", report.get("result.risk_rejections_by_check.PRICE_COLLAR"), report.toString());
        assertTrue(Long.parseLong(report.get("result.fills")) > 0, report.toString());
        assertFalse(run.out.contains("WARNING: the risk gate refused"), run.out);
        assertTrue(run.out.split("\n")[2].startsWith("risk rejects  "), run.out);
    }

    /**
     * The capture runs from 23:57:01 to 00:00:00.456 UTC: two UTC days, 178 one-second returns, and the 60 s
     * markouts of fills in the last minute fall after the data.
     */
    @Test
    void reportHoldsMetricsHashesAndAConsistentPerDaySplit() throws IOException
    {
        final Path out = tmp.resolve("metrics");

        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", out.toString(), "--sample-interval", "1");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals(64, report.get("journal_sha256").length());
        assertEquals("11410", report.get("journal_records"));
        assertEquals("1.0", report.get("metrics.sampling.equity_interval_s"));
        assertEquals("178", report.get("metrics.sampling.returns"));
        assertEquals("2024-07-18", report.get("metrics.per_day.0.date_utc"));
        assertEquals("2024-07-19", report.get("metrics.per_day.1.date_utc"));
        final double net = Double.parseDouble(report.get("metrics.pnl.net"));
        assertEquals(Double.parseDouble(report.get("result.net_pnl")), net, 1e-6);
        assertEquals(net, Double.parseDouble(report.get("metrics.per_day.0.net")) +
            Double.parseDouble(report.get("metrics.per_day.1.net")), 1e-6);
        assertTrue(Double.isFinite(Double.parseDouble(report.get("metrics.sharpe"))), report.toString());
        assertEquals("100.0", report.get("metrics.markouts.horizons.0.horizon_ms"));
        final long fills = Long.parseLong(report.get("result.fills"));
        for (int h = 0; h < 4; h++)
        {
            assertEquals(fills, Long.parseLong(report.get("metrics.markouts.horizons." + h + ".fills")) +
                Long.parseLong(report.get("metrics.markouts.horizons." + h + ".excluded")));
        }
        assertTrue(Long.parseLong(report.get("metrics.markouts.horizons.3.excluded")) > 0, report.toString());
        final double both = Double.parseDouble(report.get("metrics.quote_uptime.both"));
        assertTrue(both > 0 && both <= Double.parseDouble(report.get("metrics.quote_uptime.bid")), report.toString());
        assertTrue(Files.size(out.resolve("report.html")) > 10_000);
    }

    /**
     * Five-minute samples of a three-minute capture: the only grid point inside it is 00:00:00, so there is no full
     * interval and no return.
     */
    @Test
    void tooFewReturnsLeaveSharpeAndSortinoUndefinedWithTheReason() throws IOException
    {
        final Path out = tmp.resolve("five-minutes");

        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", out.toString(), "--sample-interval", "300");

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Map<String, String> report = readReport(out);
        assertEquals("0", report.get("metrics.sampling.returns"));
        assertEquals("null", report.get("metrics.sharpe"));
        assertTrue(report.get("metrics.sharpe_undefined").startsWith("0 return(s)"), report.toString());
        assertEquals("null", report.get("metrics.sortino"));
        assertFalse(Files.readString(out.resolve("report.json")).contains("NaN"));
        assertTrue(run.out.contains("undefined: 0 return(s)"), run.out);
    }

    @Test
    void journalHashDependsOnTheRecordsNotOnTheFiles() throws IOException
    {
        final Path again = tmp.resolve("usdm-again");
        assertEquals(ExitCodes.OK, CliRun.run("import", "binance",
            "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--instrument", "BTCUSDT", "--out", again.toString()).exitCode);

        assertEquals(ExitCodes.OK, backtest(glft, tmp.resolve("a"), journal).exitCode);
        assertEquals(ExitCodes.OK, backtest(glft, tmp.resolve("b"), again).exitCode);

        assertEquals(readReport(tmp.resolve("a")).get("journal_sha256"), readReport(tmp.resolve("b")).get("journal_sha256"));
    }

    @Test
    void sweepResultsDoNotDependOnTheThreadCount() throws IOException
    {
        final Path one = tmp.resolve("sweep1");
        final Path two = tmp.resolve("sweep2");

        final CliRun first = sweep(one, "1");
        final CliRun second = sweep(two, "2");

        assertEquals(ExitCodes.OK, first.exitCode, first.toString());
        assertEquals(ExitCodes.OK, second.exitCode, second.toString());
        final List<String> dirs = List.of("000_quoter.gamma=0.01_quotes.replace_ticks=1", "001_quoter.gamma=0.01_quotes.replace_ticks=3",
            "002_quoter.gamma=0.5_quotes.replace_ticks=1", "003_quoter.gamma=0.5_quotes.replace_ticks=3");
        for (final String dir : dirs)
        {
            assertTrue(Files.exists(one.resolve(dir).resolve("report.html")), dir);
            assertEquals(withoutRunObject(one.resolve(dir)), withoutRunObject(two.resolve(dir)), dir);
        }
        final Map<String, String> a = readJson(one.resolve("sweep.json"));
        final Map<String, String> b = readJson(two.resolve("sweep.json"));
        assertEquals("1", a.get("run.threads"));
        assertEquals("2", b.get("run.threads"));
        a.keySet().removeIf(key -> key.startsWith("run."));
        b.keySet().removeIf(key -> key.startsWith("run."));
        assertEquals(a, b);
        assertTrue(Files.readString(one.resolve("sweep.html")).contains("<table id=\"sweep\">"));
        assertTrue(Double.parseDouble(a.get("ranking.0.net_pnl")) >= Double.parseDouble(a.get("ranking.3.net_pnl")));
        assertTrue(first.err.contains("4/4 done") && first.err.contains("events/s"), first.err);
        // a combination reruns on its own from the configuration file the sweep wrote
        final Path rerun = tmp.resolve("rerun");
        final Path combination = one.resolve(dirs.get(2));
        assertEquals(ExitCodes.OK, backtest(combination.resolve("config.properties"), rerun).exitCode);
        final Map<String, String> alone = readReport(rerun);
        final Map<String, String> inSweep = readReport(combination);
        assertEquals(inSweep.get("metrics.pnl.net"), alone.get("metrics.pnl.net"));
        assertEquals(inSweep.get("config_sha256"), alone.get("config_sha256"));
    }

    @Test
    void sweepOfAnUnknownKeyIsBadInputBeforeAnythingRuns()
    {
        final Path out = tmp.resolve("bad-sweep");

        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", out.toString(), "--sweep", "quotes.replace_tiks=1,2");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("quotes.replace_tiks"), run.err);
        assertFalse(Files.exists(out.resolve("sweep.json")));
        assertFalse(run.err.contains("done"), run.err);
    }

    @Test
    void sweepOfABadValueIsBadInput()
    {
        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", tmp.resolve("bad-value").toString(), "--sweep", "gamma=0.1,abc");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("gamma"), run.err);
    }

    @Test
    void sampleIntervalThatDoesNotDivideADayIsBadInput()
    {
        final CliRun run = CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(),
            "--out", tmp.resolve("bad-interval").toString(), "--sample-interval", "7");

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--sample-interval"), run.err);
    }

    private CliRun sweep(final Path out, final String threads)
    {
        return CliRun.run("backtest", "--journal", journal.toString(), "--config", glft.toString(), "--out", out.toString(),
            "--sweep", "gamma=0.01,0.5", "--sweep", "quotes.replace_ticks=1,3", "--threads", threads);
    }

    @Test
    void asFiniteBacktestOfTheUsdmCaptureFills() throws IOException
    {
        final Path out = tmp.resolve("as-out");

        final CliRun run = backtest(asFinite, out);

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(Long.parseLong(readReport(out).get("result.fills")) > 0);
    }

    /**
     * The reference quoters reach the venue with their own prices: touch joins BTCUSDT's one-tick touch, fixed with
     * H = 20 rests about 40 ticks wide, and max_position keeps both inside the risk gate's limit (100 lots by
     * default) so no order is rejected for position.
     */
    @Test
    void referenceQuotersBacktestTheUsdmCaptureWithTheirSpreads() throws IOException
    {
        final Path touch = write("touch.properties", RISK + "quoter=touch(size=10,max_position=80)\n");
        final Path fixed = write("fixed.properties",
            RISK + "quoter=fixed(half_spread_ticks=20,skew_ticks_per_lot=0.2,size=10,max_position=80)\n");

        final CliRun touchRun = backtest(touch, tmp.resolve("touch-out"));
        final CliRun fixedRun = backtest(fixed, tmp.resolve("fixed-out"));

        assertEquals(ExitCodes.OK, touchRun.exitCode, touchRun.toString());
        assertEquals(ExitCodes.OK, fixedRun.exitCode, fixedRun.toString());
        final Map<String, String> touchReport = readReport(tmp.resolve("touch-out"));
        final Map<String, String> fixedReport = readReport(tmp.resolve("fixed-out"));
        for (final Map<String, String> report : List.of(touchReport, fixedReport))
        {
            assertTrue(Long.parseLong(report.get("result.fills")) > 0, report.toString());
            assertEquals("0", report.get("result.risk_rejections"), report.toString());
        }
        final double touchSpread = Double.parseDouble(touchReport.get("metrics.average_quoted_spread_ticks"));
        final double fixedSpread = Double.parseDouble(fixedReport.get("metrics.average_quoted_spread_ticks"));
        assertTrue(touchSpread >= 1 && touchSpread < 1.5, "touch quoted spread " + touchSpread);
        assertTrue(fixedSpread > 38 && fixedSpread < 46, "fixed quoted spread " + fixedSpread);
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
        final Path other = write("other.properties", "instrument.id=42\n");

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
